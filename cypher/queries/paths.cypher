// How are two nodes connected? Paths through relationships that carry influence or supply (GET /api/paths, the
// default): by default INVESTS_IN, OFFTAKE, SUBSIDIARY_OF, OWNS, OPERATES, FEEDS, PARTY_TO, ENACTED, PART_OF and
// GOVERNS ($types; the application passes that list, or the narrower one a request names). A path never passes
// *through* a Country, Mineral, Product, Region or Source: two firms in one country, or two deals about one mineral,
// are not connected by that. Such a node may be an end, reached by any relationship (from KR: its government, its
// companies and its sites). Directions are ignored. The shortest first, then longer ones, up to a limit.
// To run it in Neo4j Browser:
//   :params {from: 'sk-on', to: 'kachi', types: ['INVESTS_IN', 'OFFTAKE', 'SUBSIDIARY_OF', 'OWNS', 'OPERATES', 'FEEDS', 'PARTY_TO', 'ENACTED', 'PART_OF', 'GOVERNS']}
// At most /*limit*/10 paths of at most /*maxDepth*/6 relationships (the application puts the request's limit,
// 1..1000, and maxDepth, 1..8, in place of 10 and 6). Simple paths only: no node appears twice.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WITH a, b, a:Country|Mineral|Product|Region|Source AS aEnd, b:Country|Mineral|Product|Region|Source AS bEnd
MATCH p = SHORTEST /*limit*/10 (a)
      ((x)-[r]-(y)
        WHERE (type(r) IN $types OR (aEnd AND x = a) OR (bEnd AND y = b))
          AND (y = b OR NOT y:Country|Mineral|Product|Region|Source)){1,/*maxDepth*/6}
      (b)
  WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
RETURN p,
       [n IN nodes(p) | CASE WHEN n:Mine OR n:Facility
                             THEN COLLECT { MATCH (n)-[:LOCATED_IN]->(c:Country) RETURN c.name }[0] END] AS countries
ORDER BY length(p)
