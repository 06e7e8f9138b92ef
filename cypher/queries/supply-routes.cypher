// Supply paths from the supply routes (supply-routes-build.cypher): the answers of supply-paths.cypher for the firms
// of one country about one mineral (or about each mineral, apart), with or without a source country, as one index
// look-up. In Neo4j Browser:
//   :param buyerCountry => 'KR'
//   :param mineral => 'lithium'
//   :param sourceCountry => 'AU'
//   :param maxDepth => 4
//   :param asOf => null
// $buyerCountry   the buyers' country: every company headquartered there
// $mineral        a Mineral id, or null for each mineral apart (a route about two minerals answers twice)
// $sourceCountry  a Country id, or null for every country
// $maxDepth       hops from a buyer, 1..8
// $asOf           a date 'YYYY-MM-DD': only routes whose every relationship is in force on that day; or null for all
// One row per dependency and mineral: the mineral, the route's row, tab-separated (buyer, buyer's name, basis, supplier, supplier's name, counterparty, end,
// end's name, country, deal type, deal id, tonnesPerYear, length) and the route's element id, by which the
// application reads the evidence of the dependencies it shows. Of the routes of one buyer, basis, end, place, deal
// and mineral, the one with the lowest rank among those that qualify: without a day or depth limit that is rank 0.
CALL () {
  // No day: the rank-0 routes within the depth.
  WITH 1 AS one WHERE $asOf IS NULL
  CALL () {
    WITH 1 AS one WHERE $mineral IS NOT NULL AND $sourceCountry IS NOT NULL
    MATCH (r:SupplyRoute {buyerCountry: $buyerCountry, mineral: $mineral, country: $sourceCountry})
    RETURN r
    UNION ALL
    WITH 1 AS one WHERE $mineral IS NOT NULL AND $sourceCountry IS NULL
    MATCH (r:SupplyRoute {buyerCountry: $buyerCountry, mineral: $mineral})
    WHERE r.country IS NOT NULL
    RETURN r
    UNION ALL
    WITH 1 AS one WHERE $mineral IS NULL
    MATCH (r:SupplyRoute {buyerCountry: $buyerCountry})
    WHERE r.mineral IS NOT NULL AND r.country IS NOT NULL
      AND ($sourceCountry IS NULL OR r.country = $sourceCountry)
    RETURN r
  }
  WITH r WHERE r.length <= $maxDepth AND r.rank = 0
  RETURN r
  UNION ALL
  // On a day: of the routes in force then, the lowest rank of each buyer, basis, end, place, deal and mineral.
  WITH 1 AS one WHERE $asOf IS NOT NULL
  CALL () {
    WITH 1 AS one WHERE $mineral IS NOT NULL AND $sourceCountry IS NOT NULL
    MATCH (r:SupplyRoute {buyerCountry: $buyerCountry, mineral: $mineral, country: $sourceCountry})
    RETURN r
    UNION ALL
    WITH 1 AS one WHERE $mineral IS NOT NULL AND $sourceCountry IS NULL
    MATCH (r:SupplyRoute {buyerCountry: $buyerCountry, mineral: $mineral})
    WHERE r.country IS NOT NULL
    RETURN r
    UNION ALL
    WITH 1 AS one WHERE $mineral IS NULL
    MATCH (r:SupplyRoute {buyerCountry: $buyerCountry})
    WHERE r.mineral IS NOT NULL AND r.country IS NOT NULL
      AND ($sourceCountry IS NULL OR r.country = $sourceCountry)
    RETURN r
  }
  WITH r WHERE r.length <= $maxDepth
    AND (r.startMax IS NULL OR r.startMax <= $asOf) AND (r.until IS NULL OR $asOf < r.until)
  WITH r, split(r.row, '\t') AS row ORDER BY r.rank
  WITH r.buyer AS buyer, row[2] AS basis, row[6] AS end, r.country AS country, row[9] AS dealType, row[10] AS deal,
       r.mineral AS mineral, collect(r)[0] AS r
  RETURN r
}
RETURN r.mineral AS mineral, r.row AS row, elementId(r) AS route
