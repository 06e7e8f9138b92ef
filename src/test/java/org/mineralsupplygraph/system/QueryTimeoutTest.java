package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A query that runs out of time is stopped by Neo4j and answered with 503 and a problem body, quickly. A second
 * application with a 50 ms limit runs against the shared embedded database (external mode, no second Neo4j).
 */
@GraphTest
class QueryTimeoutTest {

    @Autowired
    EmbeddedNeo4j neo4j;

    @Test
    void aQueryPastItsTimeLimitAnswers503() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MineralSupplyGraphApplication.class)
                .run(
                        "--spring.neo4j.uri=" + neo4j.boltUri(),
                        "--supplygraph.data.load-on-startup=false",
                        "--supplygraph.query.timeout=50ms",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--supplygraph.query.warm-up=false")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            long started = System.nanoTime();
            // A thousand paths of up to eight hops between two well-connected countries take far longer than 50 ms.
            Api.Response r = api.get("/api/paths?from=KR&to=AU&maxDepth=8&limit=1000&through=all");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(r.status()).as(r.text()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.get("type").asString()).isEqualTo("/problems/unavailable");
            assertThat(r.get("detail").asString()).contains("50 ms");
            assertThat(took).isLessThan(Duration.ofSeconds(10));

            // A quick query still answers, once planned and once the stopped search has let go of the processor: its
            // first run may have to plan it, which alone can take longer than 50 ms on a busy machine (the suite runs
            // two test JVMs on two cores).
            int status = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (status != 200 && System.nanoTime() < deadline) {
                status = api.get("/api/entities/sk-on").status();
                if (status != 200) {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            assertThat(status).isEqualTo(200);
        }
    }
}
