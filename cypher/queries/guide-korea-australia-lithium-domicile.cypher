// Guide: Korean firms that depend on Australian lithium, by domicile. The Australian companies Korean firms buy
// lithium from or hold stakes in, with each deal (each source's account of it is its own relationship).
MATCH p = (:Country {id: 'KR'})<-[:HEADQUARTERED_IN]-(:Company)-[:OFFTAKE|INVESTS_IN]->(supplier:Company)
          -[:HEADQUARTERED_IN]->(:Country {id: 'AU'})
WHERE EXISTS { (supplier)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->()-[:PRODUCES]->(:Product)
               -[:FORM_OF]->(:Mineral {id: 'lithium'}) }
RETURN p
