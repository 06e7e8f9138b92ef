// The relationships among the exported nodes, with their ends' ids. Try it with :param last => 'zz'
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id <= $last AND b.id <= $last
RETURN a.id AS from, r, b.id AS to
