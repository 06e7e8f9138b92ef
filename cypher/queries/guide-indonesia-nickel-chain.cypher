// Guide: the Indonesian nickel chain from Antam's mines to battery packs, and the Korean consortium investing in it.
MATCH chain = (:Company {id: 'antam'})-[:OPERATES]->(:Mine)-[:FEEDS*]->(:Facility {kind: 'pack'})
RETURN chain, COLLECT {
  MATCH invest = (:Company)-[:INVESTS_IN]->(:Company {kind: 'consortium'})-[:INVESTS_IN]->(:Facility)
                 -[:LOCATED_IN]->(:Country {id: 'ID'})
  RETURN invest
} AS investors
