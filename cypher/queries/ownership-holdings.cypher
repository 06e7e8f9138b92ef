// One step down the ownership network: what the given owners hold. INVESTS_IN and OWNS point from the holder to
// what it holds; SUBSIDIARY_OF points from the subsidiary to its parent, so it is followed backwards. Used, round
// after round, by GET /api/ownership/{id}?direction=holdings. In Neo4j Browser:
//   :param owners => ['sk-on']
UNWIND $owners AS ownerId
MATCH (owner:Entity {id: ownerId})
CALL (owner) {
  MATCH (owner)-[r:INVESTS_IN|OWNS]->(owned)
  RETURN r, owned
  UNION
  MATCH (owner)<-[r:SUBSIDIARY_OF]-(owned)
  RETURN r, owned
}
RETURN owner, r, owned
