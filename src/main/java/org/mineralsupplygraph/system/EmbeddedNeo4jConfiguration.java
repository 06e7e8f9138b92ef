package org.mineralsupplygraph.system;

import java.net.URI;
import java.util.Map;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded Neo4j when no external server is configured, and hands its Bolt URI to the driver that Spring
 * Boot builds, so that the driver, Spring Data Neo4j and the health indicator all use it.
 *
 * <p>Shutdown order: the driver depends on the connection details, which depend on the {@link EmbeddedNeo4j} bean, so
 * Spring closes the driver first and Neo4j last, once.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

    /**
     * Neo4j Browser may fetch scripts, styles, fonts and data only from Neo4j itself, Bolt, and the application on
     * localhost: no telemetry, crash reports or web fonts leave the machine.
     */
    static final String BROWSER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " img-src 'self' data: http://localhost:*; style-src 'self' 'unsafe-inline'; font-src 'self' data:;"
            + " base-uri 'none'; object-src 'none'; frame-ancestors 'none';"
            + " connect-src 'self' ws: wss: http://localhost:* http://127.0.0.1:*";

    /**
     * What Neo4j Browser runs once connected: the project's style, then its guide, both served by the application.
     * Browser puts the colon in front of each command itself.
     */
    static String browserPostConnectCommand(int serverPort) {
        String base = "http://localhost:" + serverPort + "/browser-guide/";
        return "style " + base + "style.grass; play " + base + "guide.html";
    }

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(SupplyGraphProperties properties, @Value("${server.port:8080}") int serverPort) {
        return EmbeddedNeo4j.start(
                properties.embedded(),
                Map.of(
                        "browser.post_connect_cmd",
                        browserPostConnectCommand(serverPort),
                        "browser.remote_content_hostname_whitelist",
                        "localhost",
                        "dbms.security.http_static_content_security_policy_header",
                        BROWSER_CONTENT_SECURITY_POLICY));
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return neo4j.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.none();
            }
        };
    }
}
