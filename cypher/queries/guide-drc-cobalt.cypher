// Guide: who depends on the DR Congo's cobalt? Its share of world output (USGS), the governments that signed with it,
// the policies and agreements that cover cobalt, and the cobalt buyers the graph knows, whose ore it cannot yet trace.
MATCH output = (:Country {id: 'CD'})-[:PRODUCES]->(cobalt:Mineral {id: 'cobalt'})
RETURN output,
       COLLECT { MATCH signed = (:Country {id: 'CD'})<-[:GOVERNS]-(:Government)-[:PARTY_TO]->(:Agreement)
                                <-[:PARTY_TO]-(:Government)
                 RETURN signed } AS signed,
       COLLECT { MATCH covered = (:Government|Agency)-[:ENACTED|PARTY_TO]->()-[:COVERS]->(cobalt)
                 RETURN covered } AS covered,
       COLLECT { MATCH bought = (:Company)-[deal:OFFTAKE]->(:Company)
                 WHERE EXISTS { (:Product {id: deal.product})-[:FORM_OF]->(cobalt) }
                 RETURN bought } AS bought
