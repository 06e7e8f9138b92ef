// Guide: the agreements Japan's government is party to, the other parties, and the minerals each covers.
MATCH p = (:Country {id: 'JP'})<-[:GOVERNS]-(japan:Government)-[:PARTY_TO]->(agreement:Agreement)
          <-[:PARTY_TO]-(other:Government)-[:GOVERNS]->(:Country)
WHERE other <> japan
RETURN p, COLLECT { MATCH covers = (agreement)-[:COVERS]->(:Mineral) RETURN covers } AS covers
