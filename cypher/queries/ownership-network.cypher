// The ownership network around a node, in one query: every node reachable from it through stakes (INVESTS_IN and
// OWNS from the holder to what it holds; SUBSIDIARY_OF from the subsidiary to its parent), below it
// ($holdings true: what it holds, directly or through others) or above it ($holdings false: who holds it), found by
// one breadth-first search (ANY SHORTEST: each node once, however many chains lead to it) and bounded by $maxNodes;
// then every stake held by one of those nodes in another. GET /api/ownership/{id} computes the integrated stakes from
// these rows in memory. In Neo4j Browser:
//   :param id => 'sk-on'
//   :param holdings => true
//   :param maxNodes => 200000
MATCH (subject:Entity {id: $id})
CALL (subject) {
  RETURN subject AS member
  UNION
  MATCH p = ANY SHORTEST (subject)
        ((a)-[r:INVESTS_IN|OWNS|SUBSIDIARY_OF]-(b)
          WHERE ($holdings AND ((startNode(r) = a AND type(r) <> 'SUBSIDIARY_OF')
                                OR (endNode(r) = a AND type(r) = 'SUBSIDIARY_OF')))
             OR (NOT $holdings AND ((endNode(r) = a AND type(r) <> 'SUBSIDIARY_OF')
                                    OR (startNode(r) = a AND type(r) = 'SUBSIDIARY_OF'))))+
        (member)
  RETURN member
}
WITH subject, member LIMIT $maxNodes
CALL (member) {
  // The stakes held by a member (holdings) or in a member (owners), with the holder first.
  WITH member WHERE $holdings
  CALL (member) {
    MATCH (member)-[r:INVESTS_IN|OWNS]->(other) RETURN r, member AS owner, other AS owned
    UNION
    MATCH (member)<-[r:SUBSIDIARY_OF]-(other) RETURN r, member AS owner, other AS owned
  }
  RETURN r, owner, owned
  UNION
  WITH member WHERE NOT $holdings
  CALL (member) {
    MATCH (member)<-[r:INVESTS_IN|OWNS]-(other) RETURN r, other AS owner, member AS owned
    UNION
    MATCH (member)-[r:SUBSIDIARY_OF]->(other) RETURN r, other AS owner, member AS owned
  }
  RETURN r, owner, owned
}
RETURN member, r, owner, owned
