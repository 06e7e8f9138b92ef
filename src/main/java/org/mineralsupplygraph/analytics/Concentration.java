package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The Herfindahl-Hirschman index of a set of market shares and the concentration ratios beside it (docs/analytics.md).
 *
 * @param hhi the sum of the squared percentage shares, 0..10,000
 * @param cr1 the largest share, percent
 * @param cr3 the three largest shares together, percent
 * @param band low, moderate or high, by the guidelines named in {@code bands}
 * @param bands the guidelines whose thresholds give the band
 * @param bandRule the band stated with the figure and its threshold
 */
@Schema(description = "HHI (sum of squared percentage shares, 0..10,000), CR1, CR3 and the band")
public record Concentration(
        @Schema(example = "5867.3") double hhi,
        @Schema(example = "75.86") double cr1,
        @Schema(example = "88.52") double cr3,

        @Schema(description = "low (unconcentrated), moderate or high, by the guidelines in 'bands'", example = "high")
        String band,

        @Schema(description = "the guidelines the band follows: 2023 (default) or 2010", example = "2023")
        String bands,

        @Schema(example = "HHI 5,867: highly concentrated (above 1,800; 2023 U.S. Merger Guidelines)")
        String bandRule) {

    /**
     * The HHI thresholds of the U.S. merger guidelines. 2023 (Merger Guidelines, U.S. Department of Justice and Federal
     * Trade Commission, section 2.1): above 1,800 highly concentrated, 1,000 to 1,800 moderately. 2010 (Horizontal
     * Merger Guidelines, section 5.3): above 2,500 highly, 1,500 to 2,500 moderately.
     */
    public enum Guidelines {
        Y2023("2023", "2023 U.S. Merger Guidelines", 1_000, 1_800),
        Y2010("2010", "2010 U.S. Horizontal Merger Guidelines", 1_500, 2_500);

        private final String year;
        private final String title;
        final double low;
        final double high;

        Guidelines(String year, String title, double low, double high) {
            this.year = year;
            this.title = title;
            this.low = low;
            this.high = high;
        }

        public String year() {
            return year;
        }

        /** The band of an HHI: below low is low, above high is high, moderate between (both included). */
        public String band(double hhi) {
            return hhi < low ? "low" : hhi > high ? "high" : "moderate";
        }

        String rule(double hhi) {
            String figure = String.format(Locale.ENGLISH, "HHI %,.0f: ", hhi);
            return switch (band(hhi)) {
                case "high" ->
                    figure + String.format(Locale.ENGLISH, "highly concentrated (above %,.0f; %s)", high, title);
                case "moderate" ->
                    figure
                            + String.format(
                                    Locale.ENGLISH, "moderately concentrated (%,.0f to %,.0f; %s)", low, high, title);
                default -> figure + String.format(Locale.ENGLISH, "unconcentrated (below %,.0f; %s)", low, title);
            };
        }

        public static Guidelines parse(String text) {
            for (Guidelines g : values()) {
                if (g.year.equals(text)) {
                    return g;
                }
            }
            return null;
        }
    }

    /** The guidelines bands follow unless a request asks for others. */
    public static final Guidelines DEFAULT = Guidelines.Y2023;

    /** Above this HHI (2023 guidelines) a supply is highly concentrated. */
    public static final double HIGH = DEFAULT.high;

    /** The measures of shares given in percent (they need not add up to 100: shares of a total not all named). */
    public static Concentration ofShares(Collection<Double> percentShares) {
        return ofShares(percentShares, DEFAULT);
    }

    public static Concentration ofShares(Collection<Double> percentShares, Guidelines guidelines) {
        List<Double> sorted =
                percentShares.stream().sorted((a, b) -> Double.compare(b, a)).toList();
        double hhi = sorted.stream().mapToDouble(s -> s * s).sum();
        double cr1 = sorted.isEmpty() ? 0 : sorted.get(0);
        double cr3 = sorted.stream().limit(3).mapToDouble(Double::doubleValue).sum();
        double rounded = round(hhi, 1);
        return new Concentration(
                rounded,
                round(cr1, 2),
                round(cr3, 2),
                guidelines.band(rounded),
                guidelines.year(),
                guidelines.rule(rounded));
    }

    /** The band by the default (2023) guidelines. */
    public static String band(double hhi) {
        return DEFAULT.band(hhi);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
