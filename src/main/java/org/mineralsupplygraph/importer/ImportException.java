package org.mineralsupplygraph.importer;

import java.util.List;
import java.util.stream.Collectors;

/** A data set that cannot be imported as it is; nothing of it has been written. */
public class ImportException extends RuntimeException {

    private final String document;
    private final List<Problem> problems;

    private final long total;

    public ImportException(String document, List<Problem> problems) {
        this(document, problems, problems.size());
    }

    /**
     * @param document the file name
     * @param problems the problems kept for the report
     * @param total how many problems there are in all
     */
    public ImportException(String document, List<Problem> problems, long total) {
        super(describe(document, problems, total));
        this.document = document;
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    private static String describe(String document, List<Problem> problems, long total) {
        String header = total == 1
                ? "Data set " + document + " has 1 problem; nothing of it was written:"
                : "Data set " + document + " has " + total + " problems; nothing of it was written:";
        int shown = Math.min(problems.size(), 50);
        String list = problems.subList(0, shown).stream().map(p -> "\n  - " + p).collect(Collectors.joining());
        String more = total > shown ? "\n  ... and " + (total - shown) + " more" : "";
        return header + list + more;
    }

    public String document() {
        return document;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** How many problems there are, beyond those kept in {@link #problems()}. */
    public long total() {
        return total;
    }
}
