// Guide: who depends on the DR Congo's cobalt? Its share of world output (USGS), the governments that signed with it,
// the policies and agreements that cover cobalt, the cobalt buyers the graph knows, and the ore it traces to the DR Congo:
// buyers' suppliers whose plants are fed by Congolese mines (more-facts.json: Electra's feed from Metalkol, Kamoto and
// Tenke Fungurume).
MATCH output = (:Country {id: 'CD'})-[:PRODUCES]->(cobalt:Mineral {id: 'cobalt'})
RETURN output,
       COLLECT { MATCH signed = (:Country {id: 'CD'})<-[:GOVERNS]-(:Government)-[:PARTY_TO]->(:Agreement)
                                <-[:PARTY_TO]-(:Government)
                 RETURN signed } AS signed,
       COLLECT { MATCH covered = (:Government|Agency)-[:ENACTED|PARTY_TO]->()-[:COVERS]->(cobalt)
                 RETURN covered } AS covered,
       COLLECT { MATCH bought = (:Company)-[deal:OFFTAKE]->(:Company)
                 WHERE EXISTS { (:Product {id: deal.product})-[:FORM_OF]->(cobalt) }
                 RETURN bought } AS bought,
       COLLECT { MATCH traced = (:Company)-[:OFFTAKE]->(:Company)-[:OPERATES]->(:Facility)<-[:FEEDS]-(:Mine)
                                -[:LOCATED_IN]->(:Country {id: 'CD'})
                 RETURN traced } AS traced
