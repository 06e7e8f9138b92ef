package org.mineralsupplygraph.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses a free port up front when {@code server.port} is 0, so that the embedded Neo4j, which starts before the web
 * server, can point Neo4j Browser at the application's style and guide.
 */
public class FixedServerPort implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"0".equals(environment.getProperty("server.port"))) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("fixedServerPort", Map.of("server.port", socket.getLocalPort())));
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the web server", e);
        }
    }
}
