package org.mineralsupplygraph.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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

    private final Neo4jSessions sessions;

    public SchemaApplier(Neo4jSessions sessions) {
        this.sessions = sessions;
    }

    /** Applies every schema statement; returns how many ran. */
    public int apply() {
        List<String> statements = statements();
        try (Session session = sessions.session()) {
            for (String statement : statements) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
        log.info("Schema applied: {} statements from cypher/schema", statements.size());
        return statements.size();
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
