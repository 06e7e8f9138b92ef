// Paths between two nodes through every relationship, in either direction (GET /api/paths?through=all): shared
// countries, minerals and products included, so that two firms in one country are connected through it. The
// shortest first, then longer ones, up to a limit. To run it in Neo4j Browser:
//   :params {from: 'gov-jp', to: 'sk-on', types: null}
// $types narrows the relationship types followed (null: every type).
// At most /*limit*/10 paths of at most /*maxDepth*/6 relationships (the application puts the request's limit,
// 1..1000, and maxDepth, 1..8, in place of 10 and 6). Simple paths only: no node appears twice.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST /*limit*/10 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){1,/*maxDepth*/6} (b)
  WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
RETURN p,
       [n IN nodes(p) | CASE WHEN n:Mine OR n:Facility
                             THEN COLLECT { MATCH (n)-[:LOCATED_IN]->(c:Country) RETURN c.name }[0] END] AS countries
ORDER BY length(p)
