// The exported nodes, in id order, up to the last one (export-bounds.cypher). Try it with :param last => 'zz'
MATCH (n:Entity)
WHERE n.id <= $last
RETURN n
ORDER BY n.id
