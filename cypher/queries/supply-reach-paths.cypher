// Supply paths from the supply reach: the same answers as supply-paths.cypher (the rules are written there), with
// every tail read from a :SupplyReach node (supply-reach-build.cypher) instead of walked anew. The question is taken
// from its smaller side: from the buyers ($fromSource false: each buyer's deals, then the reach of each supplier),
// or from the source country ($fromSource true: the reach nodes placed in it, then the deals into their suppliers,
// then the buyers of $buyerCountry). The application chooses the side from cheap counts. In Neo4j Browser:
//   :param fromSource => true
//   :param buyers => ['lg-energy-solution', 'sk-on']
//   :param buyerCountry => 'KR'
//   :param sourceCountry => 'AU'
//   :param products => ['lithium', 'spodumene-concentrate', 'lithium-hydroxide']
//   :param agreements => ['\u0000']
//   :param asOf => null
//   :param maxDepth => 4
// $buyers         ids of the buying companies, or null for every company headquartered in $buyerCountry
// $buyerCountry   the buyers' country (with $buyers null, or on the source side)
// $sourceCountry  a Country id, or null for every country (needed on the source side)
// $maxDepth       hops from a buyer, 1..8
// $products, $agreements, $asOf   as in supply-paths.cypher
// One row per dependency: buyer, basis, deal, supplier, end, country and minerals, the head as nodes and
// relationships, and the tail's node ids, relationship types and ids (supply-reach-evidence.cypher reads them).
CALL () {
  WITH 1 AS one WHERE NOT $fromSource
  CALL () {
    WITH 1 AS one WHERE $buyers IS NULL
    MATCH (:Country {id: $buyerCountry})<-[:HEADQUARTERED_IN]-(buyer:Company)
    RETURN buyer
    UNION
    WITH 1 AS one WHERE $buyers IS NOT NULL
    UNWIND $buyers AS buyerId
    MATCH (buyer:Company {id: buyerId})
    RETURN buyer
  }
  MATCH head = (buyer)(()<-[:SUBSIDIARY_OF]-()){0,2}(dealer)-[deal:OFFTAKE|INVESTS_IN]->(supplier)
  WHERE length(head) <= $maxDepth
    AND ($products IS NULL OR deal.product IS NULL OR deal.product IN $products)
    AND ($agreements IS NULL OR deal.agreement IS NULL OR deal.agreement IN $agreements)
  WITH supplier, collect([buyer, nodes(head), relationships(head)]) AS heads
  CALL (supplier) {
    WITH supplier WHERE $sourceCountry IS NULL
    MATCH (t:SupplyReach {supplier: supplier.id})
    RETURN t
    UNION ALL
    WITH supplier WHERE $sourceCountry IS NOT NULL
    MATCH (t:SupplyReach {supplier: supplier.id, country: $sourceCountry})
    RETURN t
  }
  UNWIND heads AS h
  RETURN h[0] AS buyer, supplier, h[1] AS headNodes, h[2] AS headRels, t
  UNION ALL
  WITH 1 AS one WHERE $fromSource
  MATCH (t:SupplyReach {country: $sourceCountry})
  WHERE t.length <= $maxDepth - 1
  WITH t.supplier AS supplierId, collect(t) AS tails
  MATCH (supplier:Entity {id: supplierId})
  MATCH head = (supplier)<-[deal:OFFTAKE|INVESTS_IN]-(dealer)(()-[:SUBSIDIARY_OF]->()){0,2}(buyer:Company)
  WHERE length(head) <= $maxDepth
    AND ($products IS NULL OR deal.product IS NULL OR deal.product IN $products)
    AND ($agreements IS NULL OR deal.agreement IS NULL OR deal.agreement IN $agreements)
    AND EXISTS { (buyer)-[:HEADQUARTERED_IN]->(:Country {id: $buyerCountry}) }
  UNWIND tails AS t
  RETURN buyer, supplier, reverse(nodes(head)) AS headNodes, reverse(relationships(head)) AS headRels, t
}
WITH buyer, supplier, headNodes, headRels, t
WHERE size(headRels) + t.length <= $maxDepth
  AND ($products IS NULL OR all(p IN t.products WHERE p IN $products))
  AND ($agreements IS NULL OR all(a IN t.agreements WHERE a IN $agreements))
  AND none(id IN t.nodes[1..] WHERE id IN [n IN headNodes | n.id])
  // In force on $asOf: the head's relationships by the rule of cypher/fragments/in-force.cypher, the tail by
  // its folded dates.
  AND ($asOf IS NULL OR ((t.startMax IS NULL OR t.startMax <= $asOf) AND (t.until IS NULL OR $asOf < t.until)
       AND all(r IN headRels WHERE
        /*<in-force r>*/(coalesce(r.validFrom, r.startDate, r.signed, r.announced) IS NULL
         OR coalesce(r.validFrom, r.startDate, r.signed, r.announced) <= $asOf)
        AND (CASE WHEN coalesce(r.validTo, r.endDate, r.endedOn) IS NOT NULL
                  THEN left($asOf, size(coalesce(r.validTo, r.endDate, r.endedOn))) <= coalesce(r.validTo, r.endDate, r.endedOn)
                  WHEN r.termYears IS NOT NULL AND coalesce(r.validFrom, r.startDate) IS NOT NULL
                  THEN date($asOf) < date(left(coalesce(r.validFrom, r.startDate) + '-01-01', 10))
                                     + duration({years: r.termYears})
                  ELSE true END)/*</in-force>*/)))
WITH buyer, supplier, headNodes, headRels, t,
     [r IN headRels WHERE r.product IS NOT NULL | r.product] + t.products AS named,
     [r IN headRels WHERE r.agreement IS NOT NULL | r.agreement] + t.agreements AS covered
CALL (t, named, covered) {
  // Every mineral: those the hops name, else those the end produces.
  WITH t, named, covered WHERE $products IS NULL
  RETURN CASE WHEN size(named) + size(covered) > 0
    THEN COLLECT { UNWIND named AS p MATCH (m:Mineral {id: p}) RETURN m.id
                   UNION UNWIND named AS p MATCH (:Product {id: p})-[:FORM_OF]->(m:Mineral) RETURN m.id
                   UNION UNWIND covered AS a MATCH (:Agreement {id: a})-[:COVERS]->(m:Mineral) RETURN m.id }
    ELSE COLLECT { MATCH (end:Entity {id: t.end})(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->{0,1}()
                         -[:PRODUCES]->(:Product)-[:FORM_OF]->(m:Mineral) RETURN DISTINCT m.id }
    END AS minerals
  UNION
  // One mineral: the hops followed were about it, or about none; then the end must produce it.
  WITH t, named, covered WHERE $products IS NOT NULL
  RETURN CASE WHEN size(named) + size(covered) > 0 OR EXISTS {
           MATCH (end:Entity {id: t.end})(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->{0,1}()
                 -[:PRODUCES]->(pr:Product) WHERE pr.id IN $products }
         THEN [$products[0]] ELSE [] END AS minerals
}
WITH buyer, supplier, headNodes, headRels, t, minerals
WHERE size(minerals) > 0
// One path per buyer, basis, end, place and deal: the shortest (ties: the tail's relationship ids, then the head's).
WITH buyer, supplier, headNodes, headRels, t, COLLECT { UNWIND minerals AS m RETURN m ORDER BY m } AS minerals
ORDER BY size(headRels) + t.length, t.rels, [r IN headRels | r.id]
WITH buyer, t.basis AS basis, t.end AS endId, t.country AS countryId, minerals, last(headRels) AS deal,
     collect([supplier, headNodes, headRels, t])[0] AS first
MATCH (end:Entity {id: endId})
MATCH (country:Country {id: countryId})
RETURN buyer, basis, deal, first[0] AS counterparty,
       CASE WHEN basis = 'domicile' AND NOT first[0]:Company THEN end ELSE first[0] END AS supplier,
       end, country, minerals, first[1] AS headNodes,
       first[2] AS headRels, first[3].nodes AS tailNodes, first[3].types AS tailTypes, first[3].rels AS tailRels
