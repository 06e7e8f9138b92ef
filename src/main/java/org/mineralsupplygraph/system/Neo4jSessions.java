package org.mineralsupplygraph.system;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/** Opens driver sessions on the configured database; for bulk work that bypasses Spring Data Neo4j. */
public final class Neo4jSessions {

    private final Driver driver;
    private final String database;

    public Neo4jSessions(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    public Session session() {
        return session(AccessMode.WRITE);
    }

    /** A session whose transactions go to a server for this access mode (a reader or the leader, in a cluster). */
    public Session session(AccessMode mode) {
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(mode);
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }
}
