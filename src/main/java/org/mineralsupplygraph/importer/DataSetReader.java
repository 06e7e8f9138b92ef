package org.mineralsupplygraph.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.Resource;

/** Reads a data set file in any of the forms the importer knows, chosen by its name and first line. */
public final class DataSetReader {

    private DataSetReader() {}

    /**
     * Reads a resource.
     *
     * @param resource a {@code .json} document in the import format, or a {@code .csv} of production figures
     * @return the records, unvalidated
     * @throws ImportException when the file cannot be read or is not in a known form
     */
    public static ImportDocument read(Resource resource) {
        String name = resource.getFilename() == null ? resource.getDescription() : resource.getFilename();
        if (!resource.exists()) {
            throw new ImportException(
                    name,
                    List.of(new Problem(new Location(name, 0, ""), "no such file: " + resource.getDescription())));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JsonDocumentReader.open(name, resource::getInputStream);
        }
        try (InputStream in = new BufferedInputStream(resource.getInputStream())) {
            if (lower.endsWith(".csv")) {
                in.mark(1 << 16);
                List<String> header = firstRow(in);
                in.reset();
                if (ProductionFiguresReader.accepts(header)) {
                    return ProductionFiguresReader.read(name, in);
                }
                throw new ImportException(
                        name,
                        List.of(new Problem(
                                new Location(name, 0, ""),
                                "unknown CSV shape: expected the production figures columns "
                                        + ProductionFiguresReader.COLUMNS)));
            }
            throw new ImportException(
                    name,
                    List.of(new Problem(
                            new Location(name, 0, ""),
                            "unknown file type: expected .json (import format) or .csv (production figures)")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        }
    }

    /** The first line that is neither empty nor a comment, split on commas. */
    private static List<String> firstRow(InputStream in) throws IOException {
        byte[] head = in.readNBytes(1 << 15);
        for (String line : new String(head, StandardCharsets.UTF_8).split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return Arrays.stream(trimmed.split(",")).map(String::strip).toList();
            }
        }
        return List.of();
    }
}
