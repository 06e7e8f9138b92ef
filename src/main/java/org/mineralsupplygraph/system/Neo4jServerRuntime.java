package org.mineralsupplygraph.system;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded Neo4j server's own libraries, apart from the application's: Neo4j 5.26 with the Java driver 5.28 its
 * HTTP Query API is built on, Netty 4.1, Jersey 2, Jetty 12.1, Neo4j Browser and APOC core, resolved by
 * {@code src/neo4j-server/pom.xml} and shipped under {@code neo4j-server/} on the class path.
 *
 * <p>They are loaded by one class loader per JVM whose parent is the platform class loader, so that nothing of the
 * application (driver 6, Netty 4.2, Jakarta EE 11) is seen by Neo4j and nothing of Neo4j by the application. From a
 * directory (an IDE, {@code spring-boot:run}, the tests) they are used in place; from the application's jar they are
 * copied once into a directory named by their content under {@code java.io.tmpdir}, as files, which Neo4j needs for
 * its plugin directory and {@code neo4j-admin} needs for its class path.
 */
final class Neo4jServerRuntime {

    private static final Logger log = LoggerFactory.getLogger(Neo4jServerRuntime.class);
    private static final String ROOT = "neo4j-server/";
    private static final String BRIDGE = "mineral-supply-graph-neo4j-server.jar";
    private static final String COMPLETE = ".complete";

    private static Neo4jServerRuntime shared;

    private final Path home;
    private final List<Path> libraries;
    private final ClassLoader classLoader;

    private Neo4jServerRuntime(Path home, List<Path> libraries) {
        this.home = home;
        this.libraries = libraries;
        URL[] urls = libraries.stream().map(Neo4jServerRuntime::url).toArray(URL[]::new);
        this.classLoader = new URLClassLoader("neo4j-server", urls, ClassLoader.getPlatformClassLoader());
    }

    /** The runtime of this JVM, found (or copied out of the application's jar) on first use. */
    static synchronized Neo4jServerRuntime get() {
        if (shared == null) {
            shared = locate();
        }
        return shared;
    }

    /** The class loader that holds Neo4j and the bridge class. */
    ClassLoader classLoader() {
        return classLoader;
    }

    /** The directory with the jars of Neo4j's plugin directory (APOC). */
    Path pluginDirectory() {
        return home.resolve("plugins");
    }

    /** The class path of Neo4j's tools ({@code neo4j-admin}) in a JVM of their own. */
    String classPath() {
        return String.join(
                File.pathSeparator, libraries.stream().map(Path::toString).toList());
    }

    private static Neo4jServerRuntime locate() {
        URL index = Neo4jServerRuntime.class.getClassLoader().getResource(ROOT + "libraries.txt");
        if (index == null) {
            throw new IllegalStateException("The embedded Neo4j server's libraries (neo4j-server/ on the class path)"
                    + " are missing: build with ./mvnw package, which makes them from src/neo4j-server/pom.xml");
        }
        List<String> entries = new ArrayList<>(list("libraries.txt"));
        entries.add(BRIDGE);
        List<String> plugins = list("plugins.txt");
        Path home;
        if ("file".equals(index.getProtocol())) {
            try {
                home = Path.of(index.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        } else {
            home = extract(entries, plugins);
        }
        List<Path> libraries = entries.stream().map(home::resolve).toList();
        return new Neo4jServerRuntime(home, libraries);
    }

    private static List<String> list(String name) {
        try (InputStream in = resource(name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Neo4jServerRuntime.class.getClassLoader().getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("Missing " + ROOT + name + " on the class path");
        }
        return in;
    }

    /** Copies the runtime out of the application's jar, once per content: a finished copy is marked complete. */
    private static Path extract(List<String> entries, List<String> plugins) {
        long started = System.nanoTime();
        List<String> all = Stream.concat(entries.stream(), plugins.stream()).toList();
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), "mineral-supply-graph-neo4j-server");
        Path target = parent.resolve(fingerprint(all));
        if (Files.exists(target.resolve(COMPLETE))) {
            return target;
        }
        try {
            Files.createDirectories(parent);
            Path partial = Files.createTempDirectory(parent, "partial-");
            for (String entry : all) {
                Path file = partial.resolve(entry);
                Files.createDirectories(file.getParent());
                try (InputStream in = resource(entry)) {
                    Files.copy(in, file);
                }
            }
            Files.createFile(partial.resolve(COMPLETE));
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another start of the same jar copied it first: use theirs.
                if (!Files.exists(target.resolve(COMPLETE))) {
                    throw e;
                }
                FileSystemUtils.deleteRecursively(partial);
            }
            log.info(
                    "Embedded Neo4j's libraries copied to {} in {} ms",
                    target,
                    (System.nanoTime() - started) / 1_000_000);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the embedded Neo4j's libraries to " + parent, e);
        }
    }

    /** Names the copy by the jars' names and the bridge's bytes, which change with any change of the runtime. */
    private static String fingerprint(List<String> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            entries.forEach(entry -> digest.update((entry + "\n").getBytes(StandardCharsets.UTF_8)));
            try (InputStream in = resource(BRIDGE)) {
                digest.update(in.readAllBytes());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
