// World mine production of one mineral by country: the national output figures (Country -[:PRODUCES]-> Mineral) of
// every vintage, with the published world total each was stated against. Used by GET /api/concentration, which keeps
// the latest year (on or before asOf's year when asOf is given). In Neo4j Browser:
//   :param mineral => 'cobalt'
MATCH (mineral:Mineral {id: $mineral})
OPTIONAL MATCH (country:Country)-[figure:PRODUCES]->(mineral)
  WHERE figure.tonnes IS NOT NULL AND figure.worldTotalTonnes > 0
RETURN mineral, country, figure
ORDER BY coalesce(figure.year, 0) DESC, figure.vintage DESC, figure.source, figure.tonnes DESC
