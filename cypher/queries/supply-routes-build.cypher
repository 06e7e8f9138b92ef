// The supply routes: every supply path of a buyer written down whole, so that a country-wide question about one
// mineral becomes one index look-up (supply-routes.cypher). A route is a head (the buyer's deal, or a subsidiary's up
// to two levels down: the live part of supply-paths.cypher) joined to a tail of the supplier's supply reach
// (supply-reach-build.cypher), with at most 8 hops in all, no node twice. One :SupplyRoute node per route, buyer's
// country and mineral the route is about:
//   buyer, buyerCountry, mineral, country   whose route, about which mineral, and the country that matched (the
//                                           supplier's headquarters, or a site's location): what questions look up
//   length                                  its hops
//   startMax, until                         in force on a day d when startMax <= d < until (null: unbounded): the
//                                           rule of cypher/fragments/in-force.cypher folded over every hop
//   rank                                    0 for the route supply-paths.cypher shows for its buyer, basis, end,
//                                           place, deal and mineral (the shortest; ties: the tail's relationship
//                                           ids, then the head's); 1, 2... for the others in that order, which a
//                                           question on a day, or with a smaller maxDepth, falls back on
//   row                                     what an answer lists, sums and orders by, as one text of tab-separated
//                                           fields (one property read per route instead of thirteen; a tab in a name
//                                           becomes a space): buyer, buyer's name, basis,
//                                           supplier, supplier's name, the deal's counterparty, end, end's name,
//                                           country, deal type, deal id, the deal's tonnesPerYear (OFFTAKE; '' when
//                                           none), length, where the supplier's own sites are (domicile basis:
//                                           'elsewhere' when some lie outside the country, 'here' when all lie in
//                                           it, '' when it has none), and 'accounts' when other sources give
//                                           accounts of the same deal (their figures may conflict), and on the
//                                           origin basis where the supplier is headquartered (the first by id;
//                                           supplier-countries.cypher), and for a holding ('holding': a stake in
//                                           the supplier and a holding chain from it down to a site) the product of
//                                           its stakes, or the first hop that states none, in words; last, the deal's element id. The supplier is
//                                           the deal's counterparty, or on the domicile basis for a deal made with a
//                                           mine or facility, that site's supplier company (the end).
//   rels                                    the evidence: the element ids of its relationships, from the buyer on
// Which minerals a route is about (supply-paths.cypher): with a mineral asked for, a hop whose product or agreement
// is about another mineral is not followed, and the path counts when its hops name that mineral (a product of it, an
// agreement covering it) or name nothing and its end produces it. So a route is about every mineral that the first
// product (else the first agreement) its deal and tail name is about, and that every other name is about too; a
// route whose deal and tail name nothing is about what its end produces (the tail's produces).
// Run by the application for batches of buyers (every company with a headquarters): after the supply reach is built,
// and for the buyers whose routes an import touched. In Neo4j Browser:
//   :param buyers => ['lg-energy-solution']
UNWIND $buyers AS buyerId
MATCH (buyer:Company {id: buyerId})-[:HEADQUARTERED_IN]->(home:Country)
MATCH head = (buyer)(()<-[:SUBSIDIARY_OF]-()){0,2}(dealer)-[deal:OFFTAKE|INVESTS_IN]->(supplier)
WITH buyer, home, deal, supplier, relationships(head) AS headRels, nodes(head) AS headNodes,
     [n IN nodes(head) | n.id] AS headIds
MATCH (t:SupplyReach {supplier: supplier.id})
WHERE size(headRels) + t.length <= 8
  AND none(id IN t.nodes[1..] WHERE id IN headIds)
WITH buyer, home, deal, supplier, headRels, headNodes, t,
     // What a mineral question filters on: the deal's and the tail's products and agreements.
     CASE WHEN deal.product IS NULL THEN [] ELSE [deal.product] END + t.products AS products,
     CASE WHEN deal.agreement IS NULL THEN [] ELSE [deal.agreement] END + t.agreements AS agreements,
     // What makes a path about the mineral rather than about what its end produces: any hop's name.
     size([r IN headRels WHERE r.product IS NOT NULL OR r.agreement IS NOT NULL]) + size(t.products)
       + size(t.agreements) > 0 AS named
WITH buyer, home, deal, supplier, headRels, headNodes, t, products, agreements,
     CASE WHEN size(products) > 0
          THEN COLLECT { MATCH (m:Mineral {id: products[0]}) RETURN m.id AS m
                         UNION MATCH (:Product {id: products[0]})-[:FORM_OF]->(m:Mineral) RETURN m.id AS m }
          WHEN size(agreements) > 0
          THEN COLLECT { MATCH (:Agreement {id: agreements[0]})-[:COVERS]->(m:Mineral) RETURN m.id }
          WHEN named THEN COLLECT { MATCH (m:Mineral) RETURN m.id }
          ELSE t.produces END AS candidates
UNWIND candidates AS mineral
WITH buyer, home, deal, supplier, headRels, headNodes, t, mineral
WHERE all(p IN products WHERE p = mineral OR EXISTS { (:Product {id: p})-[:FORM_OF]->(:Mineral {id: mineral}) })
  AND all(a IN agreements WHERE EXISTS { (:Agreement {id: a})-[:COVERS]->(:Mineral {id: mineral}) })
WITH buyer, home, deal, supplier, headRels, headNodes, t, mineral
ORDER BY size(headRels) + t.length, t.rels, [r IN headRels | r.id]
WITH buyer, home, mineral, t.basis AS basis, t.end AS endId, t.country AS country, deal,
     collect([t, supplier, headRels, headNodes]) AS routes
MATCH (end:Entity {id: endId})
UNWIND range(0, size(routes) - 1) AS rank
WITH buyer, home, mineral, basis, end, country, deal, rank, routes[rank][0] AS t, routes[rank][1] AS counterparty,
     routes[rank][2] AS headRels, routes[rank][3] AS headNodes
WITH buyer, home, mineral, basis, end, country, deal, rank, t, counterparty, headRels, headNodes,
     CASE WHEN basis = 'domicile' AND NOT counterparty:Company THEN end ELSE counterparty END AS supplier,
     [r IN headRels | /*<in-force-from r>*/coalesce(r.validFrom, r.startDate, r.signed, r.announced)/*</in-force-from>*/]
       + CASE WHEN t.startMax IS NULL THEN [] ELSE [t.startMax] END AS starts,
     [r IN headRels | /*<in-force-until r>*/CASE WHEN coalesce(r.validTo, r.endDate, r.endedOn) IS NOT NULL
     THEN CASE size(coalesce(r.validTo, r.endDate, r.endedOn))
            WHEN 4 THEN toString(date(coalesce(r.validTo, r.endDate, r.endedOn) + '-01-01') + duration({years: 1}))
            WHEN 7 THEN toString(date(coalesce(r.validTo, r.endDate, r.endedOn) + '-01') + duration({months: 1}))
            ELSE toString(date(coalesce(r.validTo, r.endDate, r.endedOn)) + duration({days: 1})) END
     WHEN r.termYears IS NOT NULL AND coalesce(r.validFrom, r.startDate) IS NOT NULL
     THEN toString(date(left(coalesce(r.validFrom, r.startDate) + '-01-01', 10)) + duration({years: r.termYears}))
END/*</in-force-until>*/]
       + CASE WHEN t.until IS NULL THEN [] ELSE [t.until] END AS untils
WITH buyer, home, mineral, basis, end, country, deal, rank, t, counterparty, headRels, headNodes, supplier, starts,
     untils, startNode(deal) AS dealer
WITH buyer, home, mineral, basis, end, country, deal, rank, t, counterparty, headRels, supplier, starts, untils,
     // A holding (a stake in the supplier, and a holding chain from it down to the site): its stakes in order from
     // the buyer, or the first hop that states none (as the reach's tails say it of themselves).
     basis = 'origin' AND type(deal) = 'INVESTS_IN' AND t.holding AS holding,
     CASE WHEN all(r IN headRels WHERE r.stakePct IS NOT NULL AND r.stakePct IS :: INTEGER | FLOAT)
               AND t.stakes IS NOT NULL
          THEN reduce(s = 1.0, p IN [r IN headRels | toFloat(r.stakePct)] + t.stakes | s * (p / 100.0)) END AS stake,
     coalesce(head([i IN range(0, size(headRels) - 1) WHERE NOT (headRels[i].stakePct IS NOT NULL
                                                                  AND headRels[i].stakePct IS :: INTEGER | FLOAT)
                     | headNodes[i].name + CASE type(headRels[i]) WHEN 'SUBSIDIARY_OF' THEN ' has as subsidiary '
                                           ELSE ' holds ' END
                       + headNodes[i + 1].name + ' with no stated stake (' + headRels[i].id + ')']),
              t.missing) AS missing,
     // On the domicile basis: whether the supplier's own sites (supply-origins.cypher) lie elsewhere, or only here.
     CASE WHEN basis = 'origin' THEN ''
          WHEN EXISTS { (supplier)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->()-[:LOCATED_IN]->(k:Country)
                        WHERE k.id <> country } THEN 'elsewhere'
          WHEN EXISTS { (supplier)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->()-[:LOCATED_IN]->(:Country) }
          THEN 'here' ELSE '' END AS sites,
     // On the origin basis: where the supplier is headquartered (supplier-countries.cypher): a company's
     // headquarters, a mine's or facility's operator's, else its majority owner's.
     CASE WHEN basis = 'origin' THEN COLLECT {
            MATCH (supplier:Company)-[:HEADQUARTERED_IN]->(k:Country) RETURN k.id AS k
            UNION
            MATCH (supplier)<-[:OPERATES]-(:Company)-[:HEADQUARTERED_IN]->(k:Country)
            WHERE supplier:Mine OR supplier:Facility
            RETURN k.id AS k
            UNION
            MATCH (supplier)<-[owns:OWNS]-(:Company)-[:HEADQUARTERED_IN]->(k:Country)
            WHERE (supplier:Mine OR supplier:Facility) AND owns.stakePct > 50
              AND NOT EXISTS { (supplier)<-[:OPERATES]-(:Company) }
            RETURN k.id AS k
          } ELSE [] END AS homes,
     // Whether other sources give accounts of the same deal (ADR 2): where their figures may conflict.
     CASE WHEN COUNT { (dealer)-[other]->(counterparty) WHERE type(other) = type(deal) } > 1
          THEN 'accounts' ELSE '' END AS accounts
CREATE (:SupplyRoute {
  buyer: buyer.id, buyerCountry: home.id, mineral: mineral, country: country,
  length: size(headRels) + t.length,
  startMax: reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s > m THEN s ELSE m END),
  until: reduce(m = null, u IN untils | CASE WHEN m IS NULL OR u < m THEN u ELSE m END),
  rank: rank,
  row: substring(reduce(row = '', x IN [buyer.id, buyer.name, basis, supplier.id, supplier.name, counterparty.id,
                                         end.id, end.name, country, type(deal), deal.id,
                                         CASE WHEN type(deal) = 'OFFTAKE' THEN toString(deal.tonnesPerYear) END,
                                         toString(size(headRels) + t.length), sites, accounts,
                                         reduce(m = null, k IN homes | CASE WHEN m IS NULL OR k < m THEN k ELSE m END),
                                         CASE WHEN holding THEN 'holding' END,
                                         CASE WHEN holding THEN toString(stake) END,
                                         CASE WHEN holding THEN missing END, elementId(deal)]
                       | row + '\t' + replace(coalesce(x, ''), '\t', ' ')), 1),
  rels: [r IN headRels | elementId(r)] + t.elements
})
