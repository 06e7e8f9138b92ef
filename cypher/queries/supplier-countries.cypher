// The home country of each supplier: a company's headquarters; for a mine or facility dealt with directly, the
// headquarters of its supplier company (its operator, else its majority owner). Run by the exposure and dependencies
// endpoints for the suppliers found by supply-paths.cypher on the origin basis. In Neo4j Browser:
//   :param suppliers => ['green-technology-metals', 'seymour']
UNWIND $suppliers AS supplierId
MATCH (supplier:Entity {id: supplierId})
CALL (supplier) {
  MATCH (supplier:Company)-[:HEADQUARTERED_IN]->(country:Country)
  RETURN country
  UNION
  MATCH (supplier)<-[:OPERATES]-(:Company)-[:HEADQUARTERED_IN]->(country:Country)
  WHERE supplier:Mine OR supplier:Facility
  RETURN country
  UNION
  MATCH (supplier)<-[owns:OWNS]-(:Company)-[:HEADQUARTERED_IN]->(country:Country)
  WHERE (supplier:Mine OR supplier:Facility) AND owns.stakePct > 50
    AND NOT EXISTS { (supplier)<-[:OPERATES]-(:Company) }
  RETURN country
}
RETURN supplierId, country
