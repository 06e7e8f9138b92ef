// Guide: the same deals by origin. Where the Australian suppliers' lithium is mined: Canada and Argentina.
MATCH p = (:Country {id: 'KR'})<-[:HEADQUARTERED_IN]-(:Company)-[:OFFTAKE|INVESTS_IN]->(supplier:Company)
          -[:HEADQUARTERED_IN]->(:Country {id: 'AU'})
MATCH q = (supplier)(()<-[:SUBSIDIARY_OF]-()){0,2}()-[:OPERATES|OWNS]->(site)-[:LOCATED_IN]->(:Country)
WHERE EXISTS { (site)-[:PRODUCES]->(:Product)-[:FORM_OF]->(:Mineral {id: 'lithium'}) }
RETURN p, q
