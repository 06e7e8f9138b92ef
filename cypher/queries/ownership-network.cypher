// The whole ownership network around a node in one bounded breadth-first expansion (APOC's subgraphAll: each node
// once), read as text rows for GET /api/ownership/{id}: holdings follow INVESTS_IN and OWNS forwards and SUBSIDIARY_OF
// backwards ($filter 'INVESTS_IN>|OWNS>|<SUBSIDIARY_OF'), owners the other way round
// ('<INVESTS_IN|<OWNS|SUBSIDIARY_OF>'). At most $limit nodes. Each node as "id<TAB>name"; each relationship as
// "type<TAB>from<TAB>to<TAB>id<TAB>source<TAB>stakePct<TAB>element id" ('' for an absent value); the application reads
// the properties of the nodes and relationships an answer shows afterwards. In Neo4j Browser:
//   :param id => 'posco-holdings'
//   :param filter => 'INVESTS_IN>|OWNS>|<SUBSIDIARY_OF'
//   :param limit => 200001
MATCH (subject:Entity {id: $id})
CALL apoc.path.subgraphAll(subject, {relationshipFilter: $filter, limit: $limit}) YIELD nodes, relationships
RETURN [n IN nodes | n.id + '\t' + coalesce(n.name, '')] AS nodes,
       // subgraphAll returns every relationship among the nodes it reached: the stakes only.
       [r IN relationships WHERE type(r) IN ['INVESTS_IN', 'OWNS', 'SUBSIDIARY_OF'] | type(r) + '\t' + startNode(r).id + '\t' + endNode(r).id + '\t' + coalesce(r.id, '')
                             + '\t' + coalesce(toString(r.source), '') + '\t'
                             + coalesce(toString(r.stakePct), '') + '\t' + elementId(r)] AS links
