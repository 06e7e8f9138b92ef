package org.mineralsupplygraph.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of the shape of request parameters that name things in the graph. */
public final class RequestParameters {

    /** A country code's shape (any case); the OpenAPI document states it for every country parameter. */
    public static final String COUNTRY_PATTERN = "[A-Za-z]{2}";

    /** A node id's shape; the OpenAPI document states it for every id parameter. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,199}";

    /** The parameters checked as country codes, as node ids and as days (YYYY-MM-DD), wherever they appear. */
    public static final Set<String> COUNTRY_PARAMETERS = Set.of("buyerCountry", "sourceCountry", "country");

    public static final Set<String> ID_PARAMETERS = Set.of("id", "from", "to", "mineral", "focus");
    public static final Set<String> DATE_PARAMETERS = Set.of("asOf");

    /** A day's shape, YYYY-MM-DD. */
    public static final String DAY_PATTERN = "\\d{4}-\\d{2}-\\d{2}";

    /** The rules, as read after a parameter's or field's name: "Parameter 'mineral' must be a node id ...". */
    public static final String COUNTRY_RULE = "must be an ISO 3166-1 alpha-2 country code such as KR";

    public static final String ID_RULE =
            "must be a node id (letters, digits, '-', '.', ':' or '_', at most 200 characters)";
    public static final String DAY_RULE = "must be a date written YYYY-MM-DD, such as 2025-06-30";

    private static final Pattern COUNTRY = Pattern.compile(COUNTRY_PATTERN);
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    private RequestParameters() {}

    /** A country code, any case, returned in upper case; 400 unless it is two letters. */
    public static String country(String parameter, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (!COUNTRY.matcher(trimmed).matches()) {
            throw new InvalidParameterException(
                    parameter, value, "Parameter '" + parameter + "' " + COUNTRY_RULE + ", not '" + value + "'.");
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }

    /** A day, written YYYY-MM-DD; null when the parameter is absent; 400 otherwise. */
    public static LocalDate date(String parameter, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        try {
            if (trimmed.matches(DAY_PATTERN)) {
                return LocalDate.parse(trimmed);
            }
        } catch (DateTimeParseException e) {
            // falls through to the problem below
        }
        throw new InvalidParameterException(
                parameter, value, "Parameter '" + parameter + "' " + DAY_RULE + ", not '" + value + "'.");
    }

    /** A node id: letters, digits, '-', '.', ':' and '_', at most 200 characters; 400 otherwise. */
    public static String id(String parameter, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (!ID.matcher(trimmed).matches()) {
            throw new InvalidParameterException(
                    parameter, value, "Parameter '" + parameter + "' " + ID_RULE + ", not '" + value + "'.");
        }
        return trimmed;
    }
}
