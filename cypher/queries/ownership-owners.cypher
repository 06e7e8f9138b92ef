// One step up the ownership network: who holds the given nodes (INVESTS_IN and OWNS into them, SUBSIDIARY_OF out of
// them to the parent). Used, round after round, by GET /api/ownership/{id}?direction=owners. In Neo4j Browser:
//   :param owned => ['kachi']
UNWIND $owned AS ownedId
MATCH (owned:Entity {id: ownedId})
CALL (owned) {
  MATCH (owned)<-[r:INVESTS_IN|OWNS]-(owner)
  RETURN r, owner
  UNION
  MATCH (owned)-[r:SUBSIDIARY_OF]->(owner)
  RETURN r, owner
}
RETURN owner, r, owned
