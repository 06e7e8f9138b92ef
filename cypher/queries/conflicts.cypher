// The facts that two or more sources give accounts of (ADR 2: one relationship per source's account), for
// GET /api/conflicts, which compares the accounts' figures (Conflict.FIGURES) and lists those that differ. Only the
// types that carry figures; a country's production figures (one per year and vintage) are not accounts of one fact.
MATCH (a:Entity)-[r:OFFTAKE|INVESTS_IN|OWNS|SUBSIDIARY_OF|PRODUCES]->(b:Entity)
WHERE NOT a:Country
WITH a, b, type(r) AS type, collect(r) AS accounts
WHERE size(accounts) > 1
RETURN a.id AS from, b.id AS to, accounts
ORDER BY from, to, type
