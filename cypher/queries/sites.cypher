// Mines and facilities for the map (GET /api/sites): each with its country, what it produces, feeds and is
// contracted for, else what its operators' contracts name (and the minerals those are forms of), its operators and
// owners, how many offtakes it has (the map reads them from GET /api/entities/{id} when the site is clicked), and its
// largest stated capacity. Filters are optional. In Neo4j Browser:
//   :param mineral => 'lithium'
//   :param country => null
//   :param status => null
MATCH (site:Mine|Facility)
WHERE $status IS NULL OR site.status = $status
OPTIONAL MATCH (site)-[:LOCATED_IN]->(country:Country)
WITH site, country
WHERE $country IS NULL OR country.id = $country
WITH site, country,
     COLLECT { MATCH (site)-[:PRODUCES]->(product:Product) RETURN product.id AS id
               UNION MATCH (site)-[f:FEEDS]->() WHERE f.product IS NOT NULL RETURN f.product AS id
               UNION MATCH (site)<-[o:OFFTAKE]-() WHERE o.product IS NOT NULL RETURN o.product AS id }
       AS stated
// A site that states nothing it produces, feeds or is contracted for takes the products of its operators' and
// owners' supply contracts (Liontown's offtake to LG Energy Solution for Kathleen Valley).
CALL (site, stated) {
  WITH site, stated WHERE size(stated) = 0
  MATCH (site)<-[:OPERATES|OWNS]-(:Company)<-[o:OFFTAKE]-()
  WHERE o.product IS NOT NULL
  RETURN collect(DISTINCT o.product) AS byOperator
}
WITH site, country, stated + byOperator AS productIds
WITH site, country, productIds,
     COLLECT { UNWIND productIds AS id MATCH (m:Mineral {id: id}) RETURN m.id
               UNION UNWIND productIds AS id MATCH (:Product {id: id})-[:FORM_OF]->(m:Mineral) RETURN m.id } AS minerals
WHERE $mineral IS NULL OR $mineral IN minerals
RETURN site, country, minerals,
       COLLECT { MATCH (site)-[p:PRODUCES]->(product:Product)
                 RETURN {id: product.id, name: product.name, capacityTonnesPerYear: p.capacityTonnesPerYear}
                 ORDER BY product.id } AS products,
       COLLECT { MATCH (c:Company)-[:OPERATES]->(site) RETURN {id: c.id, name: c.name} ORDER BY c.id } AS operators,
       COLLECT { MATCH (c:Company)-[r:OWNS|INVESTS_IN]->(site)
                 RETURN {id: c.id, name: c.name, stakePct: r.stakePct, source: r.source} ORDER BY c.id, r.source }
         AS owners,
       COUNT { (:Company)-[:OFFTAKE]->(site) } AS offtakes,
       COLLECT { MATCH (site)-[p:PRODUCES]->() WHERE p.capacityTonnesPerYear IS NOT NULL
                 RETURN p.capacityTonnesPerYear ORDER BY p.capacityTonnesPerYear DESC LIMIT 1 } AS capacity
ORDER BY site.id
