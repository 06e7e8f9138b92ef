// Where a supplier's ore comes from: the sites it operates or owns, itself or through up to two levels of
// subsidiaries, and the countries they lie in. Run by the exposure and dependencies endpoints for the suppliers
// found by supply-paths.cypher on the domicile basis. In Neo4j Browser:
//   :param suppliers => ['green-technology-metals']
UNWIND $suppliers AS supplierId
MATCH (supplier:Entity {id: supplierId})
MATCH chain = (supplier)(()<-[:SUBSIDIARY_OF]-()){0,2}(owner)-[:OPERATES|OWNS]->(site)
MATCH (site)-[place:LOCATED_IN]->(country:Country)
RETURN supplierId, site, country, place.province AS province,
       relationships(chain) + [place] AS rels, nodes(chain) + [country] AS nodes
ORDER BY supplierId, site.name

