package org.mineralsupplygraph.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one application context of the test suite: the embedded Neo4j on free ports, a fresh data directory under
 * target/, the seed data loaded at start-up. Every test class that uses exactly this annotation shares the context
 * (and so one Neo4j start) through Spring's context cache; keep the properties here and nowhere else. Plans are not
 * prepared at start-up (the tests' many statement shapes plan on first use), hence the longer query limit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.neo4j.uri=",
            "supplygraph.neo4j.database=",
            "supplygraph.embedded.bolt-port=0",
            "supplygraph.embedded.http-port=0",
            "supplygraph.embedded.page-cache=64MB",
            "supplygraph.embedded.data-directory=target/test-neo4j/${random.uuid}",
            "supplygraph.security.api-keys=" + GraphTest.API_KEY,
            "supplygraph.query.warm-up=false",
            "supplygraph.map.warm-up=false",
            // The first request of each statement shape plans it (1 to 3 s for the supply-path queries on an idle
            // machine; several times that with both test JVMs busy): the suite's limit leaves room for that.
            "supplygraph.query.timeout=30s"
        })
public @interface GraphTest {

    /** The key the shared context accepts for writes (X-API-Key). */
    String API_KEY = "test-writer-key-0123456789abcdef";
}
