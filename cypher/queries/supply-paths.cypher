// Supply paths: how companies depend on suppliers, and on the places their ore comes from.
// Used by GET /api/exposure and GET /api/companies/{id}/dependencies. To run it in Neo4j Browser:
//   :param buyers => ['lg-energy-solution', 'sk-on']
//   :param mineral => 'lithium'
//   :param sourceCountry => 'AU'
//   :param asOf => null
// $buyers         ids of the buying companies
// $mineral        a Mineral id, or null for every mineral
// $sourceCountry  a Country id, or null for every country
// $products       with a mineral: its id and the ids of the products that are a form of it (else null)
// $agreements     with a mineral: the ids of the agreements that cover it (else null)
// $asOf           a date 'YYYY-MM-DD': only paths whose every relationship is in force on that day; or null for all
//
// A path has a head and a tail. The head is a deal: the buyer's OFFTAKE or INVESTS_IN (or that of one of its
// subsidiaries). The tail leaves the supplier and takes, hop by hop: the mines and facilities a company OPERATES or
// OWNS, a company's subsidiaries (SUBSIDIARY_OF, backwards), a facility's feeders (FEEDS, backwards), and the deals of
// a consortium; a supplier's own purchases are not followed (what a trader buys is not the buyer's dependency until a
// contract says so). Head and tail together have at most /*maxDepth*/4 hops (the application puts the request's
// maxDepth, 1..8, in place of that 4). Tails are found once per supplier, however many buyers share it.
// The path ends at a supplier company reached by a deal (basis 'domicile': where that company is headquartered) or at
// a mine or facility (basis 'origin': where it is located). A deal with a mine or facility has a supplier company
// too: the site's operator, else its majority owner (more than 50%); its headquarters count on the domicile basis,
// one hop further (the operator's OPERATES, or the owner's OWNS).
// Its minerals are those its deals name (a product and what it is a form of, or an agreement and what it covers);
// when no deal on it names any, those its end produces (a site's products; a supplier's sites' products).
// With a mineral, a hop whose product or agreement is about another mineral is not followed at all.
UNWIND $buyers AS buyerId
MATCH (buyer:Company {id: buyerId})
MATCH head = (buyer)(()<-[:SUBSIDIARY_OF]-()){0,2}(dealer)-[deal:OFFTAKE|INVESTS_IN]->(supplier)
WHERE length(head) <= /*maxDepth*/4
  AND ($products IS NULL OR deal.product IS NULL OR deal.product IN $products)
  AND ($agreements IS NULL OR deal.agreement IS NULL OR deal.agreement IN $agreements)
WITH supplier, collect([buyer, head]) AS heads
CALL (supplier) {
  MATCH tail = (supplier)
        ((a)-[r:OFFTAKE|INVESTS_IN|OPERATES|OWNS|SUBSIDIARY_OF|FEEDS]-(b)
          WHERE ((startNode(r) = a AND type(r) IN ['OPERATES', 'OWNS'])
                 OR (endNode(r) = a AND type(r) IN ['SUBSIDIARY_OF', 'FEEDS'])
                 OR (startNode(r) = a AND type(r) IN ['OFFTAKE', 'INVESTS_IN'] AND a.kind = 'consortium'))
            AND ($products IS NULL OR r.product IS NULL OR r.product IN $products)
            AND ($agreements IS NULL OR r.agreement IS NULL OR r.agreement IN $agreements)){0,/*tailDepth*/3}
        (end)
  WHERE all(i IN range(0, size(nodes(tail)) - 2) WHERE NOT nodes(tail)[i] IN nodes(tail)[i + 1..])
  MATCH (end)-[place:HEADQUARTERED_IN|LOCATED_IN]->(country:Country)
  WHERE ($sourceCountry IS NULL OR country.id = $sourceCountry)
    AND ((end:Company AND type(place) = 'HEADQUARTERED_IN' AND (length(tail) = 0
          OR type(last(relationships(tail))) IN ['OFFTAKE', 'INVESTS_IN']))
         OR ((end:Mine OR end:Facility) AND type(place) = 'LOCATED_IN'))
  RETURN tail, end, place, country, CASE WHEN end:Company THEN 'domicile' ELSE 'origin' END AS basis
  UNION
  // A deal with a mine or facility has a supplier company: the site's operator, else its majority owner; on the
  // domicile basis it is placed where that company is headquartered.
  WITH supplier WHERE supplier:Mine OR supplier:Facility
  CALL (supplier) {
    MATCH tail = (supplier)<-[:OPERATES]-(end:Company)
    RETURN tail, end
    UNION
    MATCH tail = (supplier)<-[owns:OWNS]-(end:Company)
    WHERE owns.stakePct > 50 AND NOT EXISTS { (supplier)<-[:OPERATES]-(:Company) }
    RETURN tail, end
  }
  WITH tail, end, last(relationships(tail)) AS r
  WHERE ($products IS NULL OR r.product IS NULL OR r.product IN $products)
    AND ($agreements IS NULL OR r.agreement IS NULL OR r.agreement IN $agreements)
  MATCH (end)-[place:HEADQUARTERED_IN]->(country:Country)
  WHERE $sourceCountry IS NULL OR country.id = $sourceCountry
  RETURN tail, end, place, country, 'domicile' AS basis
}
UNWIND heads AS buyerAndHead
WITH buyerAndHead[0] AS buyer, buyerAndHead[1] AS head, tail, end, place, country, basis
WHERE length(head) + length(tail) <= /*maxDepth*/4
  AND none(n IN nodes(tail)[1..] WHERE n IN nodes(head))
WITH buyer, head, tail, end, place, country, basis, relationships(head) + relationships(tail) AS rels
// In force on $asOf: every relationship by the rule of cypher/fragments/in-force.cypher (docs/analytics.md, "Dates").
WHERE $asOf IS NULL OR all(r IN rels WHERE
        /*<in-force r>*/(coalesce(r.validFrom, r.startDate, r.signed, r.announced) IS NULL
         OR coalesce(r.validFrom, r.startDate, r.signed, r.announced) <= $asOf)
        AND (CASE WHEN coalesce(r.validTo, r.endDate, r.endedOn) IS NOT NULL
                  THEN left($asOf, size(coalesce(r.validTo, r.endDate, r.endedOn))) <= coalesce(r.validTo, r.endDate, r.endedOn)
                  WHEN r.termYears IS NOT NULL AND coalesce(r.validFrom, r.startDate) IS NOT NULL
                  THEN date($asOf) < date(left(coalesce(r.validFrom, r.startDate) + '-01-01', 10))
                                     + duration({years: r.termYears})
                  ELSE true END)/*</in-force>*/)
WITH buyer, head, tail, end, place, country, basis, rels,
     any(r IN rels WHERE r.product IS NOT NULL OR r.agreement IS NOT NULL) AS named
CALL (rels, end, named) {
  // Every mineral, named by the deals or produced at the end.
  WITH rels, end, named WHERE $products IS NULL
  CALL (rels, end, named) {
    WITH rels WHERE named
    UNWIND rels AS r
    OPTIONAL MATCH (direct:Mineral {id: r.product})
    OPTIONAL MATCH (:Product {id: r.product})-[:FORM_OF]->(formOf:Mineral)
    OPTIONAL MATCH (:Agreement {id: r.agreement})-[:COVERS]->(covered:Mineral)
    WITH [m IN collect(direct) + collect(formOf) + collect(covered) | m.id] AS ids
    UNWIND ids AS id
    RETURN collect(DISTINCT id) AS ids
    UNION
    WITH end WHERE NOT named
    OPTIONAL MATCH (end)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->{0,1}()-[:PRODUCES]->(:Product)
                   -[:FORM_OF]->(m:Mineral)
    RETURN collect(DISTINCT m.id) AS ids
  }
  RETURN ids AS minerals
  UNION
  // One mineral: the hops followed were about it, or about none; then the end must produce it.
  WITH end, named WHERE $products IS NOT NULL
  RETURN CASE WHEN named OR EXISTS {
           (end)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->{0,1}()-[:PRODUCES]->(pr:Product)
           WHERE pr.id IN $products }
         THEN [$products[0]] ELSE [] END AS minerals
}
WITH buyer, head, tail, end, place, country, basis, rels, minerals
WHERE size(minerals) > 0
// One path per buyer, basis, end and deal: the shortest.
WITH buyer, head, tail, end, place, country, basis, minerals, head([r IN rels WHERE type(r) IN ['OFFTAKE', 'INVESTS_IN']]) AS deal
ORDER BY length(head) + length(tail)
WITH buyer, end, place, country, basis, minerals, deal, collect([head, tail])[0] AS path
WITH buyer, end, place, country, basis, minerals, deal, path[0] AS head, path[1] AS tail
RETURN buyer, basis, deal, endNode(deal) AS counterparty,
       CASE WHEN basis = 'domicile' AND NOT endNode(deal):Company THEN end ELSE endNode(deal) END AS supplier,
       end, place, country, minerals,
       nodes(head) + tail(nodes(tail)) AS nodes, relationships(head) + relationships(tail) AS relationships
ORDER BY buyer.name, basis, supplier.name, end.name, size(relationships)
