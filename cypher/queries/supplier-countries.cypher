// The home country of each supplier company. Run by the exposure and dependencies endpoints for the suppliers
// found by supply-paths.cypher on the origin basis. In Neo4j Browser:
//   :param suppliers => ['green-technology-metals']
UNWIND $suppliers AS supplierId
MATCH (:Company {id: supplierId})-[:HEADQUARTERED_IN]->(country:Country)
RETURN supplierId, country

