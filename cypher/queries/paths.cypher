// Paths between two nodes, in either direction: the shortest first, then longer ones, up to a limit.
// Used by GET /api/paths. To run it in Neo4j Browser:
//   :param from => 'gov-jp'
//   :param to => 'sk-on'
// At most /*limit*/10 paths of at most /*maxDepth*/6 relationships (the application puts the request's limit,
// 1..1000, and maxDepth, 1..8, in place of 10 and 6). Simple paths only: no node appears twice.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST /*limit*/10 (a)-[]-{1,/*maxDepth*/6}(b)
  WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
RETURN p
ORDER BY length(p)
