// The mines and facilities a country's firms hold themselves: those a firm, or one of its subsidiaries (up to two
// levels down), owns or operates, producing a form of the mineral. Buyer concentration and disruption scenarios count
// them as supply beside the contracts (docs/analytics.md, "Contracts and holdings"); a site held through a stake in
// another company comes from the supply paths (supply-paths.cypher), whose heads are deals. In Neo4j Browser:
//   :param buyerCountry => 'KR'
//   :param mineral => 'lithium'
MATCH (:Country {id: $buyerCountry})<-[:HEADQUARTERED_IN]-(buyer:Company)
MATCH path = (buyer)(()<-[:SUBSIDIARY_OF]-()){0,2}(holder:Company)-[:OWNS|OPERATES]->(site)
WHERE (site:Mine OR site:Facility)
  AND EXISTS { (site)-[:PRODUCES]->(product)
               WHERE product.id = $mineral OR EXISTS { (product)-[:FORM_OF]->(:Mineral {id: $mineral}) } }
MATCH (site)-[:LOCATED_IN]->(country:Country)
OPTIONAL MATCH (holder)-[:HEADQUARTERED_IN]->(home:Country)
RETURN buyer, site, country, home, path
ORDER BY buyer.id, site.id, length(path)
