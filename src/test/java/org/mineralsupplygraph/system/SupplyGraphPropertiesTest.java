package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/**
 * The settings' defaults; Spring's bean validation (jakarta.validation 3) stops start-up on a bad setting and names
 * it; data sizes may be written as Neo4j writes them.
 */
class SupplyGraphPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(SupplyGraphProperties.class)
    @Import(Neo4jDataSizeConverter.class)
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            SupplyGraphProperties p = context.getBean(SupplyGraphProperties.class);
            assertThat(p.embedded().boltPort()).isEqualTo(7687);
            assertThat(p.embedded().httpPort()).isEqualTo(7474);
            assertThat(p.embedded().listenAddress()).isEqualTo("127.0.0.1");
            assertThat(p.embedded().dataDirectory().normalize()).isEqualTo(Path.of("data", "neo4j"));
            assertThat(p.embedded().pageCache()).isEqualTo(DataSize.ofMegabytes(512));
            assertThat(p.neo4j().hasDatabase()).isFalse();
            assertThat(p.data().sets())
                    .containsExactly(
                            "classpath:data/reference-countries.json",
                            "classpath:data/seed-article.json",
                            "classpath:data/supplementary-facts.json",
                            "classpath:data/more-facts.json",
                            "classpath:data/usgs-mcs2025-mine-production-2024.csv");
        });
    }

    @Test
    void anOutOfRangePortIsRefusedByBeanValidation() {
        runner.withPropertyValues("supplygraph.embedded.bolt-port=70000").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("embedded.boltPort")
                    .hasMessageContaining("65535");
        });
    }

    @Test
    void aBlankListenAddressIsRefused() {
        runner.withPropertyValues("supplygraph.embedded.listen-address= ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("embedded.listenAddress");
        });
    }

    @Test
    void thePageCacheMayBeWrittenAsNeo4jOrSpringWritesIt() {
        for (var size : Map.of(
                        "1g",
                        DataSize.ofGigabytes(1),
                        "512m",
                        DataSize.ofMegabytes(512),
                        "2048K",
                        DataSize.ofKilobytes(2048),
                        "512MB",
                        DataSize.ofMegabytes(512),
                        "1GB",
                        DataSize.ofGigabytes(1))
                .entrySet()) {
            runner.withPropertyValues("supplygraph.embedded.page-cache=" + size.getKey())
                    .run(context -> assertThat(context.getBean(SupplyGraphProperties.class)
                                    .embedded()
                                    .pageCache())
                            .as(size.getKey())
                            .isEqualTo(size.getValue()));
        }
        runner.withPropertyValues("supplygraph.embedded.page-cache=lots").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("supplygraph.embedded.page-cache");
        });
    }
}
