package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid and has no default password. No Docker engine runs here, so the file is checked with
 * {@code docker-compose config} (Debian's docker-compose, installed by .ci/run), which needs none.
 */
class DockerComposeConfigTest {

    private static Path compose;

    @BeforeAll
    static void findDockerCompose() {
        compose = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "docker-compose"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        assumeTrue(
                compose != null,
                "docker-compose is not installed (apt-get install docker-compose); .ci/run installs it");
    }

    private record Result(int exit, String output) {}

    private static Result config(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(compose.toString(), "-f", "docker-compose.yml", "config").redirectErrorStream(true);
        builder.environment().remove("NEO4J_PASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void composeRefusesToStartWithoutAPassword() throws Exception {
        Result result = config(Map.of());
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("Set NEO4J_PASSWORD");
    }

    @Test
    void withAPasswordTheApplicationUsesTheNeo4jService() throws Exception {
        Result result = config(Map.of("NEO4J_PASSWORD", "a-long-test-password"));
        assertThat(result.exit()).as(result.output()).isZero();
        // YAML folds long values over lines: read the output as one line.
        assertThat(result.output().replaceAll("\\s*\\n\\s*", " "))
                .contains("image: neo4j:5.26")
                .contains("NEO4J_AUTH: neo4j/a-long-test-password")
                .contains("NEO4J_URI: bolt://neo4j:7687")
                .contains("condition: service_healthy")
                .contains("127.0.0.1:7687:7687")
                // Browser: the same style, guide and content policy as the embedded default.
                .contains("NEO4J_browser_post__connect__cmd: style http://localhost:8080/browser-guide/style.grass;"
                        + " play http://localhost:8080/browser-guide/guide.html")
                .contains("NEO4J_browser_remote__content__hostname__whitelist: localhost")
                .contains("NEO4J_client_allow__telemetry: \"false\"")
                // APOC, with the embedded database's procedure settings.
                .contains("NEO4J_PLUGINS: '[\"apoc\"]'")
                .contains("NEO4J_dbms_security_procedures_unrestricted: apoc.*");
    }

    @Test
    void theComposeBrowserPolicyIsTheEmbeddedOne() throws Exception {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose)
                .contains("NEO4J_dbms_security_http__static__content__security__policy__header: \""
                        + EmbeddedNeo4jConfiguration.BROWSER_CONTENT_SECURITY_POLICY + "\"");
    }
}
