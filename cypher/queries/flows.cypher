// Country-to-country flows of one mineral (GET /api/flows), from the supply reach (supply-reach-build.cypher): every
// deal a company signs (OFFTAKE, INVESTS_IN), and every tail of its counterparty that places the supply in a country
// on the requested basis (origin: the sites' country; domicile: the supplier's headquarters), within four hops in
// all. The deal flows to the country of the company that signed it. The rules of supply-reach-paths.cypher apply:
// the mineral is the one the hops name (products, agreements), else the one the end produces; relationships and
// tails in force on $asOf. One row per deal and country of supply, with the sites the tails end at. In Neo4j Browser:
//   :param products => ['lithium', 'lithium-hydroxide', 'spodumene-concentrate', 'lithium-brine']
//   :param agreements => ['\u0000']
//   :param basis => 'origin'
//   :param asOf => null
MATCH (t:SupplyReach {basis: $basis})
WHERE t.length <= 3
  AND all(p IN t.products WHERE p IN $products)
  AND all(a IN t.agreements WHERE a IN $agreements)
  AND ($asOf IS NULL OR ((t.startMax IS NULL OR t.startMax <= $asOf) AND (t.until IS NULL OR $asOf < t.until)))
MATCH (supplier:Entity {id: t.supplier})<-[deal:OFFTAKE|INVESTS_IN]-(buyer:Company)-[:HEADQUARTERED_IN]->(home:Country)
WHERE (deal.product IS NULL OR deal.product IN $products)
  AND (deal.agreement IS NULL OR deal.agreement IN $agreements)
  AND NOT buyer.id IN t.nodes
  AND ($asOf IS NULL OR (
        /*<in-force deal>*/(coalesce(deal.validFrom, deal.startDate, deal.signed, deal.announced) IS NULL
         OR coalesce(deal.validFrom, deal.startDate, deal.signed, deal.announced) <= $asOf)
        AND (CASE WHEN coalesce(deal.validTo, deal.endDate, deal.endedOn) IS NOT NULL
                  THEN left($asOf, size(coalesce(deal.validTo, deal.endDate, deal.endedOn))) <= coalesce(deal.validTo, deal.endDate, deal.endedOn)
                  WHEN deal.termYears IS NOT NULL AND coalesce(deal.validFrom, deal.startDate) IS NOT NULL
                  THEN date($asOf) < date(left(coalesce(deal.validFrom, deal.startDate) + '-01-01', 10))
                                     + duration({years: deal.termYears})
                  ELSE true END)/*</in-force>*/))
  AND (deal.product IS NOT NULL OR deal.agreement IS NOT NULL OR size(t.products) + size(t.agreements) > 0
       OR EXISTS { MATCH (end:Entity {id: t.end})(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->{0,1}()
                         -[:PRODUCES]->(pr:Product) WHERE pr.id IN $products })
WITH deal, buyer, home, supplier, t.country AS country, collect(DISTINCT t.end) AS ends
RETURN deal.id AS deal, type(deal) AS type, deal.tonnesPerYear AS tonnesPerYear, deal.product AS product,
       deal.source AS source, buyer.id AS buyer, buyer.name AS buyerName, home.id AS home, supplier.id AS supplier,
       supplier.name AS supplierName, country, ends[..20] AS sites
