// The whole graph as a file (GET /api/export without focus): how many nodes there are, and the id of the last of the
// first $limit nodes in id order. The export takes the nodes up to that id and the relationships among them.
// Try it in Neo4j Browser with :param limit => 10000
MATCH (n:Entity)
WITH count(n) AS total
CALL (total) {
  MATCH (n:Entity)
  WITH n.id AS id ORDER BY id LIMIT $limit
  RETURN max(id) AS last, count(id) AS nodes
}
RETURN total, nodes, last
