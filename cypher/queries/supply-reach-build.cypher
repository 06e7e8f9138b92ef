// The supply reach: every tail of a supply path, written down once so that a question becomes index look-ups.
// A tail (see supply-paths.cypher) leaves a supplier, the counterparty of a deal, and takes, hop by hop: the mines and
// facilities a company OPERATES or OWNS, a company's subsidiaries (SUBSIDIARY_OF, backwards), a facility's feeders
// (FEEDS, backwards) and the deals of a consortium; it ends at the supplier itself or a company reached by a
// consortium's deal (basis 'domicile', placed where it is headquartered) or at a mine or facility (basis 'origin',
// placed where it is located); a mine or facility's tail may also end, one hop on, at its operator (else its majority
// owner), placed where that company is headquartered (basis 'domicile'). One :SupplyReach node per tail and place,
// with what the questions filter on:
//   supplier, end, country, basis, length   the tail's ends, its place and its number of hops
//   nodes, types, rels                      the tail's node ids (supplier first), relationship types and ids
//   elements                                its relationships' element ids (the supply routes' evidence)
//   products, agreements                    what its hops name (a question about one mineral keeps a tail only
//                                           when every name is about that mineral)
//   startMax, until                         in force on a day d when startMax <= d < until (null: unbounded); the
//                                           rule of docs/analytics.md, "Dates", folded over the tail's hops
//   holding, stakes, missing                whether the tail is a holding chain down to a site (each hop a stake,
//                                           ownership, operation or subsidiary of what comes next), each hop's
//                                           stakePct when every hop states one, else the first hop that states none,
//                                           in words (SupplyContracts.Holding says the same of a whole path)
//   produces                                the minerals its end produces (its own sites', or those its subsidiaries,
//                                           two levels down, own or operate): what a path that names no product or
//                                           agreement is about (supply-paths.cypher)
// Run by the application for the suppliers an import touched (and for all of them when the reach is built anew).
// In Neo4j Browser:
//   :param suppliers => ['lake-resources']
UNWIND $suppliers AS supplierId
MATCH (supplier:Entity {id: supplierId})
CALL (supplier) {
  MATCH tail = (supplier)
        ((a)-[r:OFFTAKE|INVESTS_IN|OPERATES|OWNS|SUBSIDIARY_OF|FEEDS]-(b)
          WHERE (startNode(r) = a AND type(r) IN ['OPERATES', 'OWNS'])
             OR (endNode(r) = a AND type(r) IN ['SUBSIDIARY_OF', 'FEEDS'])
             OR (startNode(r) = a AND type(r) IN ['OFFTAKE', 'INVESTS_IN'] AND a.kind = 'consortium')){0,/*tailDepth*/7}
        (end)
  WHERE all(i IN range(0, size(nodes(tail)) - 2) WHERE NOT nodes(tail)[i] IN nodes(tail)[i + 1..])
  MATCH (end)-[place:HEADQUARTERED_IN|LOCATED_IN]->(country:Country)
  WHERE (end:Company AND type(place) = 'HEADQUARTERED_IN' AND (length(tail) = 0
          OR type(last(relationships(tail))) IN ['OFFTAKE', 'INVESTS_IN']))
     OR ((end:Mine OR end:Facility) AND type(place) = 'LOCATED_IN')
  RETURN tail, end, country, CASE WHEN end:Company THEN 'domicile' ELSE 'origin' END AS basis
  UNION
  // A mine or facility's supplier company: its operator, else its majority owner (supply-paths.cypher).
  WITH supplier WHERE supplier:Mine OR supplier:Facility
  CALL (supplier) {
    MATCH tail = (supplier)<-[:OPERATES]-(end:Company)
    RETURN tail, end
    UNION
    MATCH tail = (supplier)<-[owns:OWNS]-(end:Company)
    WHERE owns.stakePct > 50 AND NOT EXISTS { (supplier)<-[:OPERATES]-(:Company) }
    RETURN tail, end
  }
  MATCH (end)-[:HEADQUARTERED_IN]->(country:Country)
  RETURN tail, end, country, 'domicile' AS basis
}
WITH supplier, tail, end, country, basis, relationships(tail) AS rels
WITH supplier, tail, end, country, basis, rels, nodes(tail) AS hops,
     [r IN rels | /*<in-force-from r>*/coalesce(r.validFrom, r.startDate, r.signed, r.announced)/*</in-force-from>*/] AS starts,
     [r IN rels | /*<in-force-until r>*/CASE WHEN coalesce(r.validTo, r.endDate, r.endedOn) IS NOT NULL
            THEN CASE size(coalesce(r.validTo, r.endDate, r.endedOn))
                   WHEN 4 THEN toString(date(coalesce(r.validTo, r.endDate, r.endedOn) + '-01-01') + duration({years: 1}))
                   WHEN 7 THEN toString(date(coalesce(r.validTo, r.endDate, r.endedOn) + '-01') + duration({months: 1}))
                   ELSE toString(date(coalesce(r.validTo, r.endDate, r.endedOn)) + duration({days: 1})) END
            WHEN r.termYears IS NOT NULL AND coalesce(r.validFrom, r.startDate) IS NOT NULL
            THEN toString(date(left(coalesce(r.validFrom, r.startDate) + '-01-01', 10)) + duration({years: r.termYears}))
       END/*</in-force-until>*/] AS untils
CREATE (:SupplyReach {
  supplier: supplier.id, end: end.id, country: country.id,
  basis: basis,
  length: length(tail),
  nodes: [n IN nodes(tail) | n.id], types: [r IN rels | type(r)], rels: [r IN rels | r.id],
  elements: [r IN rels | elementId(r)],
  products: [r IN rels WHERE r.product IS NOT NULL | r.product],
  agreements: [r IN rels WHERE r.agreement IS NOT NULL | r.agreement],
  startMax: reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s > m THEN s ELSE m END),
  until: reduce(m = null, u IN untils | CASE WHEN m IS NULL OR u < m THEN u ELSE m END),
  produces: COLLECT { MATCH (end)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->{0,1}()-[:PRODUCES]->(:Product)
                            -[:FORM_OF]->(m:Mineral)
                      RETURN DISTINCT m.id AS m ORDER BY m },
  // A holding chain (docs/analytics.md, "Contracts and holdings"): every hop a stake, ownership or operation of
  // what comes next, or a subsidiary, ending at the site; with each hop's stake, or the first hop that states none.
  holding: basis = 'origin'
           AND all(i IN range(0, size(rels) - 1) WHERE
                 (type(rels[i]) IN ['INVESTS_IN', 'OWNS', 'OPERATES'] AND endNode(rels[i]) = hops[i + 1])
                 OR (type(rels[i]) = 'SUBSIDIARY_OF' AND startNode(rels[i]) = hops[i + 1]))
           AND (size(rels) = 0 OR type(last(rels)) <> 'SUBSIDIARY_OF'),
  stakes: CASE WHEN all(r IN rels WHERE r.stakePct IS NOT NULL AND r.stakePct IS :: INTEGER | FLOAT)
               THEN [r IN rels | toFloat(r.stakePct)] END,
  missing: head([i IN range(0, size(rels) - 1) WHERE NOT (rels[i].stakePct IS NOT NULL
                                                          AND rels[i].stakePct IS :: INTEGER | FLOAT)
                 | hops[i].name + CASE type(rels[i]) WHEN 'OPERATES' THEN ' operates '
                                  WHEN 'SUBSIDIARY_OF' THEN ' has as subsidiary ' ELSE ' holds ' END
                   + hops[i + 1].name + ' with no stated stake (' + rels[i].id + ')'])
})
