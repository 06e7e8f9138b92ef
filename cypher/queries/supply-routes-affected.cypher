// The buyers whose supply routes (supply-routes-build.cypher) and holdings (supply-holdings-build.cypher) an import
// may have changed, given the nodes it wrote or linked and the suppliers whose supply reach was written anew
// (supply-reach-affected.cypher): a node and the companies up to two levels above it (its routes' heads run through
// it: it is their buyer, a subsidiary on the way, the dealer or the holder), the buyers of every deal into such a node
// or supplier (their routes' tails run through it), and those whose holdings include it as a site; and for each
// dealer of a deal the import wrote ($heads), it and the companies up to two levels above it (the deal is the head of
// their routes; it is part of no tail unless the dealer is a consortium, which is then among $ids). Their routes and
// holdings are written anew. In Neo4j Browser:
//   :param ids => ['lake-resources']
//   :param heads => ['sk-on']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[:SUBSIDIARY_OF]->{0,2}(buyer:Company)
  RETURN buyer
  UNION
  MATCH (n)<-[:OFFTAKE|INVESTS_IN|OWNS|OPERATES]-()-[:SUBSIDIARY_OF]->{0,2}(buyer:Company)
  RETURN buyer
}
RETURN DISTINCT buyer.id AS id
UNION
UNWIND $heads AS id
MATCH (:Entity {id: id})-[:SUBSIDIARY_OF]->{0,2}(buyer:Company)
RETURN buyer.id AS id
