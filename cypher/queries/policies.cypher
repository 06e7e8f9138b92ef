// Policies a country's government or its agencies enacted, with who enacted them, the minerals they cover and the
// places they import from. Used by GET /api/policies. To run it in Neo4j Browser:
//   :param country => 'KR'
//   :param mineral => null
// $country  a Country id, or null for every policy
// $mineral  a Mineral id, or null for every mineral
MATCH (policy:Policy)
WHERE ($country IS NULL
       OR EXISTS { (policy)<-[:ENACTED]-(:Government)-[:GOVERNS]->(:Country {id: $country}) }
       OR EXISTS { (policy)<-[:ENACTED]-(:Agency)-[:PART_OF]->(:Government)-[:GOVERNS]->(:Country {id: $country}) })
  AND ($mineral IS NULL OR EXISTS { (policy)-[:COVERS]->(:Mineral {id: $mineral}) })
RETURN policy,
       COLLECT { MATCH (actor)-[r:ENACTED]->(policy) RETURN {node: actor, relationship: r} ORDER BY actor.name }
         AS enactedBy,
       COLLECT { MATCH (policy)-[r:COVERS]->(m:Mineral) RETURN {node: m, relationship: r} ORDER BY m.name }
         AS minerals,
       COLLECT { MATCH (policy)-[r:IMPORTS_FROM]->(place) RETURN {node: place, relationship: r} ORDER BY place.name }
         AS importsFrom
ORDER BY policy.announced, policy.name
