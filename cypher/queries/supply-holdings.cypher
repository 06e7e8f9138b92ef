// The supply holdings (supply-holdings-build.cypher) of one country's firms in sites that produce a mineral, in force
// on a day or on any, as rows of text (the layout of supply-routes.cypher's rows) with their element ids. Buyer
// concentration and scenarios count them beside the contracts. In Neo4j Browser:
//   :param buyerCountry => 'KR'
//   :param mineral => 'lithium'
//   :param asOf => null
MATCH (h:SupplyHolding {buyerCountry: $buyerCountry, mineral: $mineral})
WHERE h.country IS NOT NULL
  AND ($asOf IS NULL OR ((h.startMax IS NULL OR h.startMax <= $asOf) AND (h.until IS NULL OR $asOf < h.until)))
RETURN h.row AS row, elementId(h) AS route
