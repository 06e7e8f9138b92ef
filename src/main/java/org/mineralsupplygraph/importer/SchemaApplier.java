package org.mineralsupplygraph.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the constraints and indexes of {@code cypher/schema/*.cypher} (copied onto the classpath at build time), in
 * file name order. Every statement says {@code IF NOT EXISTS}, so applying them again changes nothing.
 */
@Component
public class SchemaApplier {

    private static final Logger log = LoggerFactory.getLogger(SchemaApplier.class);
    static final String LOCATION = "classpath*:cypher/schema/*.cypher";
    private static final Pattern NAMED = Pattern.compile(
            "^CREATE\\s+(?:CONSTRAINT|(?:FULLTEXT\\s+|RANGE\\s+|TEXT\\s+|POINT\\s+|VECTOR\\s+)?INDEX)\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS",
            Pattern.CASE_INSENSITIVE);

    private final Neo4jSessions sessions;

    public SchemaApplier(Neo4jSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * Applies the schema statements whose constraint or index does not exist yet (by name), then waits for indexes to
     * come online.
     *
     * @return how many statements ran
     */
    public int apply() {
        List<String> statements = statements();
        int ran = 0;
        try (Session session = sessions.session()) {
            Set<String> existing = new HashSet<>(session.run("SHOW CONSTRAINTS YIELD name RETURN name")
                    .list(r -> r.get("name").asString()));
            existing.addAll(session.run("SHOW INDEXES YIELD name RETURN name")
                    .list(r -> r.get("name").asString()));
            for (String statement : statements) {
                Matcher named = NAMED.matcher(statement);
                if (named.find() && existing.contains(named.group(1))) {
                    continue;
                }
                session.run(statement).consume();
                ran++;
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
        log.info("Schema applied from cypher/schema: {} statements, {} of them new", statements.size(), ran);
        return ran;
    }

    /** The statements of every schema file, comments removed, split on semicolons that end a line. */
    static List<String> statements() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<String> statements = new ArrayList<>();
            for (Resource file : files) {
                String text = file.getContentAsString(StandardCharsets.UTF_8);
                StringBuilder current = new StringBuilder();
                for (String line : text.split("\\R")) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                        continue;
                    }
                    current.append(line).append('\n');
                    if (trimmed.endsWith(";")) {
                        String statement = current.toString().strip();
                        statements.add(statement.substring(0, statement.length() - 1));
                        current.setLength(0);
                    }
                }
                if (!current.toString().isBlank()) {
                    statements.add(current.toString().strip());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema files", e);
        }
    }
}
