package org.mineralsupplygraph.graph;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * When a relationship or an agreement is in force, read from its dates: the rule of
 * {@code cypher/fragments/in-force.cypher}, which the queries include, in Java for the analytics that need the dates
 * themselves (contracts ending soon, volumes that step up, review cycles). A date may be a year, a month or a day; as a
 * beginning it means its first day, as an end its last. InForceRuleTest runs this class and the Cypher fragment on the
 * same cases.
 *
 * @param from the first day: validFrom, else startDate, else signed, else announced; null when the data has none
 * @param until the last day: validTo, else endDate, else endedOn (the end another account of the same deal states),
 *     else startDate plus termYears less a day; null when open
 */
public record InForce(LocalDate from, LocalDate until) {

    /** Reads the dates of a relationship's or an agreement's properties. */
    public static InForce of(Map<String, Object> properties) {
        String start = first(properties, "validFrom", "startDate");
        String from = start(properties);
        String end = end(properties);
        LocalDate until = null;
        if (end != null) {
            until = lastDay(end);
        } else if (start != null && properties.get("termYears") instanceof Number years) {
            until = firstDay(start).plusYears(years.longValue()).minusDays(1);
        }
        return new InForce(from == null ? null : firstDay(from), until);
    }

    /** The beginning as stated (validFrom, else startDate, else signed, else announced), or null. */
    public static String start(Map<String, Object> properties) {
        return first(properties, "validFrom", "startDate", "signed", "announced");
    }

    /** The end as stated (validTo, else endDate, else endedOn), or null; a term (termYears) is not an end stated. */
    public static String end(Map<String, Object> properties) {
        return first(properties, "validTo", "endDate", "endedOn");
    }

    /** True when the relationship is in force on that day (a null day: always). */
    public boolean on(LocalDate day) {
        return day == null || ((from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until)));
    }

    /** The first day of YYYY, YYYY-MM or YYYY-MM-DD. */
    public static LocalDate firstDay(String date) {
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
            case 7 -> YearMonth.parse(date).atDay(1);
            default -> LocalDate.parse(date);
        };
    }

    /** The last day of YYYY, YYYY-MM or YYYY-MM-DD. */
    public static LocalDate lastDay(String date) {
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 12, 31);
            case 7 -> YearMonth.parse(date).atEndOfMonth();
            default -> LocalDate.parse(date);
        };
    }

    /** Whole months from the first day of one date to the day after the last of another: 2025..2035 is 132. */
    public static long months(String start, String end) {
        return ChronoUnit.MONTHS.between(firstDay(start), lastDay(end).plusDays(1));
    }

    private static String first(Map<String, Object> properties, String... keys) {
        for (String key : keys) {
            if (properties.get(key) instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }
}
