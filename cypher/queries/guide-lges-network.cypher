// Guide: LG Energy Solution's network: its supply deals and stakes, the agreements behind them, its suppliers' mines
// and plants, and the consortium building the Indonesian nickel chain.
MATCH p = (:Company {id: 'lg-energy-solution'})-[:OFFTAKE|INVESTS_IN|PARTY_TO]->(partner)
RETURN p, COLLECT {
  MATCH next = (partner)-[:OPERATES|OWNS|INVESTS_IN|COVERS|HEADQUARTERED_IN|LOCATED_IN]->()
  RETURN next
} AS next, COLLECT {
  MATCH site = (partner)-[:OPERATES|OWNS|INVESTS_IN]->()-[:LOCATED_IN|FEEDS]-()
  RETURN site
} AS sites
