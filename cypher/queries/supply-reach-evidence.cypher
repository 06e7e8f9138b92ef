// The nodes and relationships of supply-reach tails, with their properties and provenance, for the dependencies an
// answer shows (supply-reach-paths.cypher returns each tail as node ids, relationship types and ids). In Neo4j Browser:
//   :param tails => [{nodes: ['lake-resources', 'morena-del-valle-minerals', 'kachi'],
//                     types: ['SUBSIDIARY_OF', 'OWNS'], rels: ['...', '...']}]
UNWIND range(0, size($tails) - 1) AS tailIndex
WITH tailIndex, $tails[tailIndex] AS tail
UNWIND range(0, size(tail.rels) - 1) AS hop
MATCH (a:Entity {id: tail.nodes[hop]})
MATCH (b:Entity {id: tail.nodes[hop + 1]})
MATCH (a)-[r]-(b)
WHERE type(r) = tail.types[hop] AND r.id = tail.rels[hop]
RETURN tailIndex, hop, b, r
