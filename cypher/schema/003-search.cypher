// Full-text search over names and aliases of every node (GET /api/entities?q=...).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
