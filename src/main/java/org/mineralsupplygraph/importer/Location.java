package org.mineralsupplygraph.importer;

/**
 * Where something sits in a data file: the file, the line (0 when unknown) and a JSON pointer into the document.
 *
 * @param file the file name as the user knows it
 * @param line the 1-based line, or 0 when unknown
 * @param pointer a JSON pointer such as {@code /relationships/12/tonnesPerYear}, or "" for the whole file
 */
public record Location(String file, int line, String pointer) {

    /** The same place, one property further down. */
    public Location child(String key) {
        return new Location(file, line, pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
    }

    /** The same place, on another line. */
    public Location atLine(int line) {
        return new Location(file, line, pointer);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (!pointer.isEmpty()) {
            text.append(" (").append(pointer).append(')');
        }
        return text.toString();
    }
}
