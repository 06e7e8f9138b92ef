// Where sites lie: a WGS 84 point per mine and facility (GET /api/sites, the map). A point index serves
// point.withinBBox and point.distance look-ups; the map's country and mineral filters go through relationships.
CREATE POINT INDEX mine_location IF NOT EXISTS FOR (n:Mine) ON (n.location);
CREATE POINT INDEX facility_location IF NOT EXISTS FOR (n:Facility) ON (n.location);
