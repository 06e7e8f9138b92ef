package org.mineralsupplygraph.importer;

import java.util.List;
import java.util.stream.Collectors;

/** A data set that cannot be imported as it is; nothing of it has been written. */
public class ImportException extends RuntimeException {

    private final String document;
    private final List<Problem> problems;

    public ImportException(String document, List<Problem> problems) {
        super(describe(document, problems));
        this.document = document;
        this.problems = List.copyOf(problems);
    }

    private static String describe(String document, List<Problem> problems) {
        String header = problems.size() == 1
                ? "Data set " + document + " has 1 problem; nothing of it was written:"
                : "Data set " + document + " has " + problems.size() + " problems; nothing of it was written:";
        int shown = Math.min(problems.size(), 50);
        String list = problems.subList(0, shown).stream().map(p -> "\n  - " + p).collect(Collectors.joining());
        String more = problems.size() > shown ? "\n  ... and " + (problems.size() - shown) + " more" : "";
        return header + list + more;
    }

    public String document() {
        return document;
    }

    public List<Problem> problems() {
        return problems;
    }
}
