package org.mineralsupplygraph.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsupplygraph.importer.DataSetReader;
import org.mineralsupplygraph.importer.GraphImporter;
import org.mineralsupplygraph.importer.JsonDocumentReader;
import org.mineralsupplygraph.importer.SchemaApplier;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.unit.DataSize;

/**
 * Start-up as the application does it (StartupDataLoader): a database without a reach gets one build, after the data
 * sets are loaded, not one before them and another once they name new minerals; a database with a current reach keeps
 * it, re-loading the data sets rebuilds nothing, and a new deal is patched in without writing any supplier's tails.
 */
class SupplyReachStartTest {

    private static final List<String> DATA_SETS =
            List.of("classpath:data/reference-countries.json", "classpath:data/seed-article.json");

    @TempDir
    Path directory;

    @Test
    void aNewDatabaseIsBuiltOnceWithTheDataSetsInAndARestartPatchesTheirReload() throws Exception {
        SupplyGraphProperties properties = new SupplyGraphProperties(
                new SupplyGraphProperties.Database(""),
                new SupplyGraphProperties.Embedded(directory, "127.0.0.1", 0, 0, DataSize.ofMegabytes(64)),
                new SupplyGraphProperties.Data(false, DATA_SETS),
                new SupplyGraphProperties.Query(Duration.ofSeconds(30), 0, Duration.ofMinutes(10)),
                new SupplyGraphProperties.Import(10_000, 250_000, Duration.ofSeconds(30), DataSize.ofMegabytes(50)));
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties.embedded(), Map.of());
                Driver driver = GraphDatabase.driver(neo4j.boltUri())) {
            Neo4jSessions sessions = new Neo4jSessions(driver, null);
            new SchemaApplier(sessions).apply();
            CommitMarker marker = CommitMarker.of(neo4j::lastCommittedTransactionId);

            SupplyReach first = new SupplyReach(sessions, marker);
            try {
                assertThat(first.startIfCurrent())
                        .as("no reach yet: left until the data sets are in")
                        .isFalse();
                load(new GraphImporter(sessions, properties, first));
                assertThat(first.lastOutcome())
                        .as("nothing built or patched while loading")
                        .isNull();
                first.start();
                assertThat(first.read()).isEqualTo(SupplyReach.Reading.CURRENT);
                assertThat(first.lastOutcome().kind()).isEqualTo("rebuild");
                assertThat(first.lastOutcome().routes())
                        .as("the seed's routes are in the one build")
                        .isPositive();
                assertThat(first.awaitIdle(Duration.ZERO))
                        .as("no rebuild scheduled after it")
                        .isTrue();
            } finally {
                first.close();
            }

            // The next start: the reach is current, so it is taken as it is; re-loading the data sets rebuilds nothing.
            SupplyReach again = new SupplyReach(sessions, marker);
            try {
                assertThat(again.startIfCurrent()).isTrue();
                GraphImporter importer = new GraphImporter(sessions, properties, again);
                load(importer);
                again.start();
                assertThat(again.lastOutcome()).isNull();
                assertThat(again.read()).isEqualTo(SupplyReach.Reading.CURRENT);

                // A new deal between two firms changes its buyer's routes only: no supplier's tails are written anew.
                importer.importDocument(JsonDocumentReader.read(
                        "deal.json", new ByteArrayInputStream("""
                        {"sources": [{"id": "start-test", "kind": "user", "title": "Start test"}],
                         "relationships": [{"type": "OFFTAKE", "id": "start-test-deal", "from": "sk-on",
                           "to": "lake-resources", "product": "lithium-hydroxide", "tonnesPerYear": 500,
                           "source": "start-test", "evidence": "start test"}]}""".getBytes(StandardCharsets.UTF_8))));
                assertThat(again.lastOutcome().kind()).isEqualTo("update");
                assertThat(again.lastOutcome().suppliers()).isZero();
                assertThat(again.lastOutcome().routes())
                        .as("SK On's routes written anew")
                        .isPositive();
                assertThat(again.read()).isEqualTo(SupplyReach.Reading.CURRENT);
                assertThat(again.awaitIdle(Duration.ZERO)).isTrue();
            } finally {
                again.close();
            }
        }
    }

    private static void load(GraphImporter importer) {
        DefaultResourceLoader resources = new DefaultResourceLoader();
        for (String location : DATA_SETS) {
            importer.importDocument(DataSetReader.read(resources.getResource(location)));
        }
    }
}
