// APOC's GraphML export, streamed back to the client (exports to files are off): LG Energy Solution's supply deals
// and its counterparties, as one string of GraphML. In Neo4j Browser, copy the 'data' cell, or download the frame.
CALL apoc.export.graphml.query(
  "MATCH (c:Company {id: 'lg-energy-solution'})-[r:OFFTAKE|INVESTS_IN]->(s) RETURN c, r, s",
  null,
  {stream: true, useTypes: true}
)
YIELD nodes, relationships, data
RETURN nodes, relationships, data
