package org.mineralsupplygraph.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The application's own settings, under {@code supplygraph.*}. The README's configuration table lists the
 * environment variables that set them.
 */
@Validated
@ConfigurationProperties("supplygraph")
public record SupplyGraphProperties(
        @Valid @NotNull @DefaultValue Database neo4j,
        @Valid @NotNull @DefaultValue Embedded embedded,
        @Valid @NotNull @DefaultValue Data data,
        @Valid @NotNull @DefaultValue Query query,
        @Valid @NotNull @DefaultValue @Name("import") Import importing) {

    /**
     * The database the application reads and writes.
     *
     * @param database the database name; blank means the server's default database
     */
    public record Database(@DefaultValue("") String database) {

        public boolean hasDatabase() {
            return database != null && !database.isBlank();
        }
    }

    /**
     * The embedded Neo4j, used when no {@code NEO4J_URI} is set.
     *
     * @param dataDirectory where the database files live; they survive restarts
     * @param listenAddress the interface Bolt and HTTP bind to; loopback unless deliberately opened
     * @param boltPort Bolt port, 0 for a free one
     * @param httpPort HTTP port (Neo4j Browser), 0 for a free one
     * @param pageCache Neo4j's page cache; the harness would otherwise use 8 MiB
     */
    public record Embedded(
            @NotNull @DefaultValue("./data/neo4j") Path dataDirectory,
            @NotBlank @DefaultValue("127.0.0.1") String listenAddress,
            @Min(0) @Max(65535) @DefaultValue("7687") int boltPort,
            @Min(0) @Max(65535) @DefaultValue("7474") int httpPort,
            @NotNull @DefaultValue("512MB") DataSize pageCache) {}

    /**
     * Read queries behind the API.
     *
     * @param timeout how long one request's read may take, waiting for a slot included, before it is stopped and
     *     answered with 503
     * @param concurrency how many read transactions run at once (0: twice the processors); the others wait their
     *     turn, within the timeout, rather than slow every query down
     * @param exportTimeout how long a streamed export (the whole graph as a file) may take once it has its slot; one
     *     such export runs at a time
     */
    public record Query(
            @NotNull @DefaultValue("10s") Duration timeout,
            @Min(0) @DefaultValue("0") int concurrency,
            @NotNull @DefaultValue("10m") Duration exportTimeout) {

        /** The slots for read transactions: the configured number, else twice the processors (at least 2). */
        public int slots() {
            return concurrency > 0
                    ? concurrency
                    : Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Imports.
     *
     * @param batchSize rows per statement
     * @param singleTransactionMaxRows documents with at most this many records are written in one transaction
     * @param lockWait how long an import waits for another to finish before answering 503
     * @param maxUploadSize the largest document {@code POST /api/import} accepts
     */
    public record Import(
            @Min(100) @Max(100_000) @DefaultValue("10000") int batchSize,
            @Min(0) @DefaultValue("250000") long singleTransactionMaxRows,
            @NotNull @DefaultValue("30s") Duration lockWait,
            @NotNull @DefaultValue("50MB") DataSize maxUploadSize) {}

    /**
     * Data sets loaded at start-up, in order, each in one transaction.
     *
     * @param loadOnStartup whether to apply the schema and load the data sets at start-up
     * @param sets resource locations of the data sets
     */
    public record Data(
            @DefaultValue("true") boolean loadOnStartup,

            @NotNull
            @DefaultValue({
                "classpath:data/reference-countries.json",
                "classpath:data/seed-article.json",
                "classpath:data/supplementary-facts.json",
                "classpath:data/more-facts.json",
                "classpath:data/usgs-mcs2025-mine-production-2024.csv"
            })
            List<String> sets) {}
}
