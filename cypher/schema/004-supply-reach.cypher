// The supply reach (cypher/queries/supply-reach-build.cypher): tails looked up by supplier, by supplier and country,
// and by country; and the one node that says at which transaction the reach was written.
CREATE INDEX supply_reach_supplier IF NOT EXISTS FOR (t:SupplyReach) ON (t.supplier);
CREATE INDEX supply_reach_supplier_country IF NOT EXISTS FOR (t:SupplyReach) ON (t.supplier, t.country);
CREATE INDEX supply_reach_country IF NOT EXISTS FOR (t:SupplyReach) ON (t.country);
CREATE CONSTRAINT supply_reach_state_id IF NOT EXISTS FOR (s:SupplyReachState) REQUIRE s.id IS UNIQUE;
// The supply routes (cypher/queries/supply-routes-build.cypher): looked up by the buyers' country, mineral and the
// country that matched (supply-routes.cypher; a question without a source country uses the first two), and by buyer
// when an import rewrites a buyer's routes.
CREATE INDEX supply_route_question IF NOT EXISTS FOR (r:SupplyRoute) ON (r.buyerCountry, r.mineral, r.country);
CREATE INDEX supply_route_buyer IF NOT EXISTS FOR (r:SupplyRoute) ON (r.buyer);
// The supply holdings (cypher/queries/supply-holdings-build.cypher), looked up as the routes are.
CREATE INDEX supply_holding_question IF NOT EXISTS FOR (h:SupplyHolding) ON (h.buyerCountry, h.mineral, h.country);
CREATE INDEX supply_holding_buyer IF NOT EXISTS FOR (h:SupplyHolding) ON (h.buyer);
