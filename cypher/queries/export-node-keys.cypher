// The property names of the exported nodes and the Cypher types of their values, for the file's declared keys.
// $last: the id of the last exported node (export-bounds.cypher). Try it with :param last => 'zz'
MATCH (n:Entity)
WHERE n.id <= $last
UNWIND keys(n) AS key
WITH key, valueType(n[key]) AS type
RETURN key, collect(DISTINCT type) AS types
ORDER BY key
