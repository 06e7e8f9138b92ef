package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsupplygraph.support.Cypher;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/** The embedded Neo4j binds to loopback unless told otherwise (EmbeddedDefaultsTest); opening it is logged. */
@ExtendWith(OutputCaptureExtension.class)
class OpenListenAddressTest {

    @TempDir
    Path directory;

    @Test
    void aNonLoopbackListenAddressBindsThereAndWarns(CapturedOutput output) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(
                        new SupplyGraphProperties.Embedded(directory, "0.0.0.0", 0, 0, DataSize.ofMegabytes(16)),
                        Map.of());
                Driver driver = GraphDatabase.driver(
                        "bolt://127.0.0.1:" + neo4j.boltUri().getPort(), AuthTokens.none())) {
            String bolt = new Cypher(driver)
                    .one("CALL dbms.listConfig('server.bolt.listen_address') YIELD value" + " RETURN value")
                    .get("value")
                    .asString();
            assertThat(bolt).startsWith("0.0.0.0:");
        }
        assertThat(output.getOut())
                .contains("Embedded Neo4j listens on 0.0.0.0, not on loopback")
                .contains("without a password")
                .contains("listen-address=127.0.0.1");
    }
}
