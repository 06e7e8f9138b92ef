package org.mineralsupplygraph.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads national mine production figures in the shape of the shipped USGS file
 * ({@code mineral,unit,country_iso2,country,tonnes,world_total_tonnes,source,vintage}, with {@code #} comment lines
 * naming the source and its caveats) into the import format: one {@code (Country)-[:PRODUCES]->(Mineral)} per row,
 * and one Source per distinct {@code source} value, described by the file's header comments.
 */
public final class ProductionFiguresReader {

    /** The columns that identify this shape of file. */
    public static final List<String> COLUMNS =
            List.of("mineral", "unit", "country_iso2", "country", "tonnes", "world_total_tonnes", "source", "vintage");

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private ProductionFiguresReader() {}

    /** Whether a header row names this file shape's columns. */
    public static boolean accepts(List<String> header) {
        return header.containsAll(COLUMNS);
    }

    /**
     * Reads a file.
     *
     * @param name the file name, for messages and provenance
     * @param in the file's bytes (UTF-8)
     * @return the data set in the import format, unvalidated
     */
    public static ImportDocument read(String name, InputStream in) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<Problem> problems = new ArrayList<>();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (!accepts(header)) {
                throw new ImportException(
                        name,
                        List.of(new Problem(
                                new Location(name, 0, ""),
                                "a production figures file needs the columns " + COLUMNS + ", found " + header)));
            }
            List<String> comments = parser.getHeaderComment() == null
                    ? List.of()
                    : parser.getHeaderComment()
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList();
            Map<String, RawRecord> sources = new LinkedHashMap<>();
            List<RawRecord> relationships = new ArrayList<>();
            for (CSVRecord row : parser) {
                Location at = new Location(name, (int) parser.getCurrentLineNumber(), "/rows/" + row.getRecordNumber());
                if (!row.isConsistent()) {
                    problems.add(new Problem(at, "expected " + header.size() + " columns, found " + row.size()));
                    continue;
                }
                String sourceName = row.get("source");
                String sourceId = slug(sourceName);
                sources.computeIfAbsent(sourceId, id -> source(id, sourceName, name, comments, at));
                relationships.add(new RawRecord(at, produces(row, sourceId, comments)));
            }
            if (!problems.isEmpty()) {
                throw new ImportException(name, problems);
            }
            return ImportDocument.of(name, List.copyOf(sources.values()), List.of(), relationships);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ImportException(
                    name, List.of(new Problem(new Location(name, 0, ""), "not a valid CSV file: " + e.getMessage())));
        }
    }

    private static RawRecord source(String id, String sourceName, String file, List<String> comments, Location at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("title", comments.isEmpty() ? sourceName : comments.get(0));
        fields.put("kind", "statistics");
        List<String> urls = new ArrayList<>();
        for (String line : comments) {
            Matcher m = URL.matcher(line);
            String first = null;
            while (m.find()) {
                urls.add(m.group());
                first = first == null ? m.group() : first;
            }
            if (first != null) {
                // "mcs2025-lithium.pdf , -cobalt.pdf": the short forms share the first address's stem.
                String stem = first.substring(0, first.lastIndexOf('-'));
                for (String token : line.split("[ ,]+")) {
                    if (token.startsWith("-") && token.length() > 1) {
                        urls.add(stem + token);
                    }
                }
            }
        }
        if (!urls.isEmpty()) {
            fields.put("urls", urls);
            fields.put("url", urls.get(0));
        }
        fields.put("file", file);
        if (comments.size() > 1) {
            fields.put("note", String.join(" ", comments.subList(1, comments.size())));
        }
        return new RawRecord(at, fields);
    }

    private static Map<String, Object> produces(CSVRecord row, String sourceId, List<String> comments) {
        String mineral = slug(row.get("mineral"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "PRODUCES");
        fields.put("from", row.get("country_iso2").toUpperCase(Locale.ROOT));
        fields.put("to", mineral);
        fields.put("tonnes", row.get("tonnes"));
        fields.put("unit", row.get("unit"));
        fields.put("worldTotalTonnes", row.get("world_total_tonnes"));
        String vintage = row.get("vintage");
        Matcher year = YEAR.matcher(vintage);
        if (year.find()) {
            fields.put("year", year.group(1));
        }
        fields.put("vintage", vintage);
        fields.put("source", sourceId);
        fields.put(
                "evidence",
                row.get("country") + ": " + row.get("tonnes") + " " + row.get("unit")
                        + " of a world total of " + row.get("world_total_tonnes") + " (" + row.get("mineral") + ", "
                        + vintage + ", " + row.get("source") + ")");
        List<String> caveats = caveatsFor(row.get("mineral"), comments);
        if (!caveats.isEmpty()) {
            fields.put("caveat", String.join(" ", caveats));
        }
        return fields;
    }

    /** The header comment lines that speak of a mineral (by its name as a word), to keep caveats with its figures. */
    private static List<String> caveatsFor(String mineral, List<String> comments) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(mineral) + "\\b", Pattern.CASE_INSENSITIVE);
        Set<String> skip = Set.of("columns:");
        return comments.stream()
                .skip(1)
                .filter(line -> !line.toLowerCase(Locale.ROOT).startsWith("sources:"))
                .filter(line -> skip.stream().noneMatch(line::startsWith))
                .filter(line -> word.matcher(line).find())
                .toList();
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT)
                .strip()
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
