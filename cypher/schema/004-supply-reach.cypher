// The supply reach (cypher/queries/supply-reach-build.cypher): tails looked up by supplier, by supplier and country,
// and by country; and the one node that says at which transaction the reach was written.
CREATE INDEX supply_reach_supplier IF NOT EXISTS FOR (t:SupplyReach) ON (t.supplier);
CREATE INDEX supply_reach_supplier_country IF NOT EXISTS FOR (t:SupplyReach) ON (t.supplier, t.country);
CREATE INDEX supply_reach_country IF NOT EXISTS FOR (t:SupplyReach) ON (t.country);
CREATE CONSTRAINT supply_reach_state_id IF NOT EXISTS FOR (s:SupplyReachState) REQUIRE s.id IS UNIQUE;
