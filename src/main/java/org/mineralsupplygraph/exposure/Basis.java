package org.mineralsupplygraph.exposure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mineralsupplygraph.system.InvalidParameterException;

/** Which fact ties a dependency to a country: the supplier's domicile, the ore's origin, or either. */
enum Basis {
    ANY,
    DOMICILE,
    ORIGIN;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean includes(String basis) {
        return this == ANY || value().equals(basis);
    }

    static Basis parse(String text) {
        for (Basis b : values()) {
            if (b.value().equals(text)) {
                return b;
            }
        }
        throw new InvalidParameterException("basis", text, "Parameter 'basis' must be one of "
                + Arrays.stream(values()).map(Basis::value).collect(Collectors.joining(", ")) + ", not '" + text + "'.");
    }
}
