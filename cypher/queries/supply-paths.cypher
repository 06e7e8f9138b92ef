// Supply paths: how companies depend on suppliers, and on the places their ore comes from.
// Used by GET /api/exposure and GET /api/companies/{id}/dependencies. To run it in Neo4j Browser:
//   :param buyers => ['lg-energy-solution', 'sk-on']
//   :param mineral => 'lithium'
//   :param sourceCountry => 'AU'
// $buyers         ids of the buying companies
// $mineral        a Mineral id, or null for every mineral
// $sourceCountry  a Country id, or null for every country
//
// A path leaves a buyer and takes, hop by hop: its OFFTAKE and INVESTS_IN deals, the mines and facilities a company
// OPERATES or OWNS, a company's subsidiaries (SUBSIDIARY_OF, backwards) and a facility's feeders (FEEDS, backwards);
// at most /*maxDepth*/4 hops (the application puts the request's maxDepth, 1..8, in place of that 4).
// It ends at a supplier company reached by a deal (basis 'domicile': where that company is headquartered) or at a
// mine or facility (basis 'origin': where it is located).
// Its minerals are those its deals name (a product and what it is a form of, or an agreement and what it covers);
// when no deal on it names any, those produced by the sites on it.
UNWIND $buyers AS buyerId
MATCH (buyer:Company {id: buyerId})
MATCH p = (buyer)
      ((a)-[r:OFFTAKE|INVESTS_IN|OPERATES|OWNS|SUBSIDIARY_OF|FEEDS]-(b)
        WHERE (startNode(r) = a AND type(r) IN ['OFFTAKE', 'INVESTS_IN', 'OPERATES', 'OWNS'])
           OR (endNode(r) = a AND type(r) IN ['SUBSIDIARY_OF', 'FEEDS'])){1,/*maxDepth*/4}
      (end)
WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
WITH buyer, p, end, relationships(p) AS rels
MATCH (end)-[place:HEADQUARTERED_IN|LOCATED_IN]->(country:Country)
WHERE $sourceCountry IS NULL OR country.id = $sourceCountry
WITH buyer, p, end, rels, place, country,
     CASE
       WHEN end:Company AND type(place) = 'HEADQUARTERED_IN' AND type(last(rels)) IN ['OFFTAKE', 'INVESTS_IN']
         THEN 'domicile'
       WHEN (end:Mine OR end:Facility) AND type(place) = 'LOCATED_IN' THEN 'origin'
     END AS basis
WHERE basis IS NOT NULL
CALL (rels) {
  UNWIND rels AS r
  OPTIONAL MATCH (direct:Mineral {id: r.product})
  OPTIONAL MATCH (:Product {id: r.product})-[:FORM_OF]->(formOf:Mineral)
  OPTIONAL MATCH (:Agreement {id: r.agreement})-[:COVERS]->(covered:Mineral)
  WITH [m IN collect(direct) + collect(formOf) + collect(covered) | m.id] AS ids
  UNWIND ids AS id
  RETURN collect(DISTINCT id) AS named
}
CALL (p) {
  UNWIND tail(nodes(p)) AS n
  OPTIONAL MATCH (n)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->{0,1}()-[:PRODUCES]->(:Product)
                 -[:FORM_OF]->(m:Mineral)
  WITH collect(DISTINCT m.id) AS ids
  RETURN ids AS produced
}
WITH buyer, p, end, rels, place, country, basis,
     CASE WHEN size(named) > 0 THEN named ELSE produced END AS minerals
WHERE $mineral IS NULL OR $mineral IN minerals
// One path per buyer, basis, end and deal: the shortest.
WITH buyer, p, end, place, country, basis, minerals,
     head([r IN rels WHERE type(r) IN ['OFFTAKE', 'INVESTS_IN']]) AS deal
ORDER BY length(p)
WITH buyer, end, place, country, basis, minerals, deal, collect(p)[0] AS p
RETURN buyer, basis, deal, CASE WHEN deal IS NULL THEN end ELSE endNode(deal) END AS supplier, end, place, country,
       minerals, p
ORDER BY buyer.name, basis, supplier.name, end.name, length(p)
