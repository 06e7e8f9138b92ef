package org.mineralsupplygraph.graph;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mineralsupplygraph.system.InvalidParameterException;

/**
 * Which fact ties a supply to a country: the supplier's domicile, the ore's origin, or either. Every request that takes
 * a basis reads it here, so that the values and the message for a bad one are the same everywhere.
 */
public enum Basis {
    ANY,
    DOMICILE,
    ORIGIN;

    /** The one basis of the questions that count supply once (concentration, disruption, flows). */
    public static final List<Basis> ONE = List.of(ORIGIN, DOMICILE);

    /** The basis as requests and answers spell it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a dependency of the given basis is part of an answer by this one. */
    public boolean includes(String basis) {
        return this == ANY || value().equals(basis);
    }

    /** Reads any basis (any, domicile, origin). */
    public static Basis parse(String parameter, String text) {
        return parse(parameter, text, List.of(values()));
    }

    /**
     * Reads one of the allowed bases.
     *
     * @throws InvalidParameterException naming the parameter and the values it takes
     */
    public static Basis parse(String parameter, String text, List<Basis> allowed) {
        for (Basis b : allowed) {
            if (b.value().equals(text)) {
                return b;
            }
        }
        throw new InvalidParameterException(
                parameter,
                text,
                "Parameter '" + parameter + "' must be "
                        + (allowed.size() == 2
                                ? allowed.get(0).value() + " or "
                                        + allowed.get(1).value()
                                : "one of " + allowed.stream().map(Basis::value).collect(Collectors.joining(", ")))
                        + ", not '" + text + "'.");
    }
}
