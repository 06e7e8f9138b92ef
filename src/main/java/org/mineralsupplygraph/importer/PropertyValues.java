package org.mineralsupplygraph.importer;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mineralsupplygraph.graph.GraphModel;
import org.mineralsupplygraph.graph.GraphModel.Type;

/**
 * Property values as the graph model types them ({@link GraphModel#typeOf}): each raw value of a record, as its reader
 * gave it (JSON value or CSV text), checked and converted to what the graph stores, or reported as a problem. The
 * document check and the conversion of records to rows read values through here alike.
 */
final class PropertyValues {

    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final int MAX_STRING = 10_000;

    private PropertyValues() {}

    /** Checks and converts one property value; null when absent or after reporting a problem at {@code at}. */
    static Object value(String key, Object raw, Location at, Problems problems) {
        if (raw == null) {
            return null;
        }
        Type type = GraphModel.typeOf(key);
        return switch (type) {
            case STRING -> text(key, raw, at, problems);
            case NUMBER, INTEGER, PERCENT -> number(key, raw, type, at, problems);
            case DATE -> date(raw, at, problems);
            case BOOLEAN -> bool(raw, at, problems);
            case STRING_LIST, SOURCE_REFS -> list(key, raw, at, problems);
            case PRODUCT_REF, AGREEMENT_REF -> reference(key, raw, "the id of a node", at, problems);
            case SOURCE_REF -> reference(key, raw, "the id of a source", at, problems);
            case LATITUDE, LONGITUDE -> degrees(key, raw, type == Type.LATITUDE ? 90 : 180, at, problems);
        };
    }

    /** A string value, stripped; anything else is not a string. */
    static String string(Object value) {
        return value instanceof String s ? s.strip() : null;
    }

    /** A list of strings; the CSV form's ';'-separated text is split by its reader, so a string is not a list. */
    static List<String> stringList(Object raw) {
        if (!(raw instanceof List<?> list)) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                return null;
            }
            strings.add(s.strip());
        }
        return strings;
    }

    /** Whether the text is a date of the format: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, and exists. */
    static boolean isDate(String s) {
        if (!DATE.matcher(s).matches()) {
            return false;
        }
        try {
            switch (s.length()) {
                case 4 -> {
                    return true;
                }
                case 7 -> YearMonth.parse(s);
                default -> LocalDate.parse(s);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String text(String key, Object raw, Location at, Problems problems) {
        if (!(raw instanceof String s)) {
            problems.add(at, "'" + key + "' must be a string");
            return null;
        }
        if (s.length() > MAX_STRING) {
            problems.add(at, "'" + key + "' is longer than " + MAX_STRING + " characters");
            return null;
        }
        return s.strip();
    }

    private static String date(Object raw, Location at, Problems problems) {
        if (!(raw instanceof String s) || !isDate(s.strip())) {
            problems.add(at, "'" + raw + "' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
            return null;
        }
        return s.strip();
    }

    private static Boolean bool(Object raw, Location at, Problems problems) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.strip().equals("true") || s.strip().equals("false"))) {
            return Boolean.valueOf(s.strip());
        }
        problems.add(at, "'" + raw + "' is not true or false");
        return null;
    }

    private static List<String> list(String key, Object raw, Location at, Problems problems) {
        List<String> list = stringList(raw);
        if (list == null) {
            problems.add(at, "'" + key + "' must be a list of strings");
        }
        return list;
    }

    /** The id of another node or of a source: a non-blank string, stripped. */
    private static String reference(String key, Object raw, String what, Location at, Problems problems) {
        if (!(raw instanceof String s) || s.isBlank()) {
            problems.add(at, "'" + key + "' must be " + what);
            return null;
        }
        return s.strip();
    }

    private static Object number(String key, Object raw, Type type, Location at, Problems problems) {
        Number number = parseNumber(raw, key, at, problems);
        if (number == null) {
            return null;
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            problems.add(at, "'" + raw + "' is not a finite number");
            return null;
        }
        if (d < 0) {
            problems.add(at, "'" + key + "' cannot be negative (" + raw + ")");
            return null;
        }
        if (type == Type.PERCENT && d > 100) {
            problems.add(at, "'" + key + "' is a percentage and must lie in 0..100, not " + raw);
            return null;
        }
        if (type == Type.INTEGER) {
            if (d != Math.rint(d) || d > Long.MAX_VALUE) {
                problems.add(at, "'" + key + "' must be a whole number, not " + raw);
                return null;
            }
            return number.longValue();
        }
        // Whole numbers stay integers so that 25000 reads back as 25000, not 25000.0.
        return (number instanceof Double dbl && dbl == Math.rint(dbl) && Math.abs(dbl) < 1e15)
                ? (Object) dbl.longValue()
                : number;
    }

    /** A JSON number, or a number written as text (up to 18 digits a whole number, else a double). */
    private static Number parseNumber(Object raw, String key, Location at, Problems problems) {
        if (raw instanceof Long || raw instanceof Double) {
            return (Number) raw;
        }
        if (raw instanceof BigInteger) {
            problems.add(at, "'" + raw + "' is too large for " + key);
            return null;
        }
        if (raw instanceof String s && !s.isBlank()) {
            try {
                String text = s.strip();
                return text.matches("-?\\d{1,18}") ? (Number) Long.parseLong(text) : (Number) Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(at, "'" + raw + "' is not a number");
        return null;
    }

    /** Degrees of latitude or longitude, in -limit..limit. */
    private static Double degrees(String key, Object raw, int limit, Location at, Problems problems) {
        double d;
        if (raw instanceof Number n && !(raw instanceof BigInteger)) {
            d = n.doubleValue();
        } else if (raw instanceof String s && !s.isBlank()) {
            try {
                d = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                problems.add(at, "'" + raw + "' is not a number of degrees");
                return null;
            }
        } else {
            problems.add(at, "'" + raw + "' is not a number of degrees");
            return null;
        }
        if (Double.isNaN(d) || d < -limit || d > limit) {
            problems.add(at, "'" + key + "' must lie in -" + limit + ".." + limit + " degrees, not " + raw);
            return null;
        }
        return d;
    }
}
