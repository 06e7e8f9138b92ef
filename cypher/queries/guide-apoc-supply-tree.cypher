// Guide: APOC in Neo4j Browser. LG Energy Solution's supply tree: every company, mine and plant it reaches through
// supply contracts, stakes, sites operated or owned, plants fed and subsidiaries, each once, by the shortest way
// (apoc.path.spanningTree). Countries, minerals, products and sources are left out.
MATCH (c:Company {id: 'lg-energy-solution'})
CALL apoc.path.spanningTree(c, {
  relationshipFilter: 'OFFTAKE>|INVESTS_IN>|OPERATES>|OWNS>|FEEDS>|SUBSIDIARY_OF',
  labelFilter: '-Country|-Mineral|-Product|-Source',
  maxLevel: 4
})
YIELD path
RETURN path
