// The supply holdings: the mines and facilities a company or its subsidiaries (two levels down) own or operate,
// written down per buyer as the supply routes are (supply-routes-build.cypher), so that buyer concentration and
// scenarios read a country's holdings with one index look-up (supply-holdings.cypher). A holding is a supply of the
// site's minerals: its share of the site's output counts (docs/analytics.md, "Contracts and holdings"). One
// :SupplyHolding node per chain, buyer's country and mineral the site produces, with the properties of a route:
//   buyer, buyerCountry, mineral, country   whose holding, of which mineral, and where the site lies
//   length, startMax, until                 its hops, and when every hop is in force (in-force.cypher, folded)
//   row                                     as a route's: buyer, buyer's name, 'origin', the site, its name, the
//                                           site, the site, its name, its country, the type and id of the holder's
//                                           OWNS or OPERATES, '' (no contracted volume), the length, '', '', the
//                                           holder's country (the first by id), 'holding', the product of the stakes
//                                           down the chain, or the first hop that states none, in words, and the
//                                           element id of the OWNS or OPERATES
//   rels                                    the element ids of its relationships, from the buyer on
// Run by the application with the supply routes, for the same buyers. In Neo4j Browser:
//   :param buyers => ['posco-holdings']
UNWIND $buyers AS buyerId
MATCH (buyer:Company {id: buyerId})-[:HEADQUARTERED_IN]->(home:Country)
MATCH path = (buyer)(()<-[:SUBSIDIARY_OF]-()){0,2}(holder:Company)-[held:OWNS|OPERATES]->(site)
WHERE site:Mine OR site:Facility
MATCH (site)-[:LOCATED_IN]->(country:Country)
WITH buyer, home, path, holder, held, site, country, relationships(path) AS rels, nodes(path) AS hops,
     COLLECT { MATCH (site)-[:PRODUCES]->(m:Mineral) RETURN m.id AS m
               UNION MATCH (site)-[:PRODUCES]->()-[:FORM_OF]->(m:Mineral) RETURN m.id AS m } AS minerals,
     COLLECT { MATCH (holder)-[:HEADQUARTERED_IN]->(k:Country) RETURN k.id AS k } AS homes
UNWIND minerals AS mineral
WITH buyer, home, held, site, country, rels, hops, mineral, homes,
     [r IN rels | /*<in-force-from r>*/coalesce(r.validFrom, r.startDate, r.signed, r.announced)/*</in-force-from>*/] AS starts,
     [r IN rels | /*<in-force-until r>*/CASE WHEN coalesce(r.validTo, r.endDate, r.endedOn) IS NOT NULL
     THEN CASE size(coalesce(r.validTo, r.endDate, r.endedOn))
            WHEN 4 THEN toString(date(coalesce(r.validTo, r.endDate, r.endedOn) + '-01-01') + duration({years: 1}))
            WHEN 7 THEN toString(date(coalesce(r.validTo, r.endDate, r.endedOn) + '-01') + duration({months: 1}))
            ELSE toString(date(coalesce(r.validTo, r.endDate, r.endedOn)) + duration({days: 1})) END
     WHEN r.termYears IS NOT NULL AND coalesce(r.validFrom, r.startDate) IS NOT NULL
     THEN toString(date(left(coalesce(r.validFrom, r.startDate) + '-01-01', 10)) + duration({years: r.termYears}))
END/*</in-force-until>*/] AS untils,
     CASE WHEN all(r IN rels WHERE r.stakePct IS NOT NULL AND r.stakePct IS :: INTEGER | FLOAT)
          THEN reduce(s = 1.0, r IN rels | s * (toFloat(r.stakePct) / 100.0)) END AS stake,
     head([i IN range(0, size(rels) - 1) WHERE NOT (rels[i].stakePct IS NOT NULL
                                                    AND rels[i].stakePct IS :: INTEGER | FLOAT)
           | hops[i].name + CASE type(rels[i]) WHEN 'OPERATES' THEN ' operates '
                            WHEN 'SUBSIDIARY_OF' THEN ' has as subsidiary ' ELSE ' holds ' END
             + hops[i + 1].name + ' with no stated stake (' + rels[i].id + ')']) AS missing
CREATE (:SupplyHolding {
  buyer: buyer.id, buyerCountry: home.id, mineral: mineral, country: country.id,
  length: size(rels),
  startMax: reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s > m THEN s ELSE m END),
  until: reduce(m = null, u IN untils | CASE WHEN m IS NULL OR u < m THEN u ELSE m END),
  row: substring(reduce(row = '', x IN [buyer.id, buyer.name, 'origin', site.id, site.name, site.id, site.id,
                                         site.name, country.id, type(held), held.id, '', toString(size(rels)), '',
                                         '', reduce(m = null, k IN homes | CASE WHEN m IS NULL OR k < m THEN k
                                                                                 ELSE m END),
                                         'holding', toString(stake), missing, elementId(held)]
                       | row + '\t' + replace(coalesce(x, ''), '\t', ' ')), 1),
  rels: [r IN rels | elementId(r)]
})
