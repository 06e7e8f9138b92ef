// The property names of the exported relationships (those between exported nodes) and the Cypher types of their
// values. Try it with :param last => 'zz'
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id <= $last AND b.id <= $last
UNWIND keys(r) AS key
WITH key, valueType(r[key]) AS type
RETURN key, collect(DISTINCT type) AS types
ORDER BY key
