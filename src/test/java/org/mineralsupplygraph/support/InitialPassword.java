package org.mineralsupplygraph.support;

import java.net.URI;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/** Gives a fresh Neo4j with authentication on its first password, over Bolt, as an administrator would. */
public final class InitialPassword {

    private InitialPassword() {}

    /** Replaces the initial {@code neo4j/neo4j} login, which may do nothing but this, by {@code neo4j/password}. */
    public static void set(URI bolt, String password) {
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", "neo4j"));
                Session session = driver.session(SessionConfig.forDatabase("system"))) {
            session.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $password", Map.of("password", password))
                    .consume();
        }
    }
}
