// Agreements a country's government is party to, with their parties and the minerals they cover.
// Used by GET /api/agreements. To run it in Neo4j Browser:
//   :param country => 'JP'
//   :param mineral => null
// $country  a Country id, or null for every agreement
// $mineral  a Mineral id, or null for every mineral
MATCH (agreement:Agreement)
WHERE ($country IS NULL
       OR EXISTS { (agreement)<-[:PARTY_TO]-(:Government)-[:GOVERNS]->(:Country {id: $country}) })
  AND ($mineral IS NULL OR EXISTS { (agreement)-[:COVERS]->(:Mineral {id: $mineral}) })
RETURN agreement,
       COLLECT { MATCH (party)-[r:PARTY_TO]->(agreement) RETURN {node: party, relationship: r} ORDER BY party.name }
         AS parties,
       COLLECT { MATCH (agreement)-[r:COVERS]->(m:Mineral) RETURN {node: m, relationship: r} ORDER BY m.name }
         AS minerals
ORDER BY coalesce(agreement.signed, agreement.announced), agreement.name
