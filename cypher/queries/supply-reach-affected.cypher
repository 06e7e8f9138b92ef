// The suppliers whose supply reach an import may have changed: every node from which a tail (supply-reach-build.cypher)
// of up to /*tailDepth*/7 hops leads to a node the import wrote or linked, or to a company whose production runs
// through such a node (its own site, or one its subsidiaries, two levels down, own or operate: what a tail's
// `produces` is read from), that node included. Their :SupplyReach nodes are written anew. In Neo4j Browser:
//   :param touched => ['kachi']
UNWIND $touched AS touchedId
MATCH (n:Entity {id: touchedId})
MATCH (producer)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->{0,1}(n)
WITH DISTINCT producer
MATCH (supplier)
      ((a)-[r:OFFTAKE|INVESTS_IN|OPERATES|OWNS|SUBSIDIARY_OF|FEEDS]-(b)
        WHERE (startNode(r) = a AND type(r) IN ['OPERATES', 'OWNS'])
           OR (endNode(r) = a AND type(r) IN ['SUBSIDIARY_OF', 'FEEDS'])
           OR (startNode(r) = a AND type(r) IN ['OFFTAKE', 'INVESTS_IN'] AND a.kind = 'consortium')){0,/*tailDepth*/7}
      (producer)
RETURN DISTINCT supplier.id AS id
UNION
// A mine or facility whose operator or owner was touched: its supplier company may have changed.
UNWIND $touched AS touchedId
MATCH (:Entity {id: touchedId})-[:OPERATES|OWNS]->(site)
WHERE site:Mine OR site:Facility
RETURN site.id AS id
