package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collection;
import java.util.List;

/**
 * The Herfindahl-Hirschman index of a set of market shares and the concentration ratios beside it (docs/analytics.md).
 *
 * @param hhi the sum of the squared percentage shares, 0..10,000
 * @param cr1 the largest share, percent
 * @param cr3 the three largest shares together, percent
 * @param band low (below 1,500), moderate (1,500 to 2,500) or high (above 2,500)
 */
@Schema(description = "HHI (sum of squared percentage shares, 0..10,000), CR1, CR3 and the band")
public record Concentration(
        @Schema(example = "5867.3") double hhi,
        @Schema(example = "75.86") double cr1,
        @Schema(example = "88.52") double cr3,
        @Schema(example = "high") String band) {

    /** The thresholds of the bands: below LOW is low, above HIGH is high, moderate between (both included). */
    public static final double LOW = 1_500;

    public static final double HIGH = 2_500;

    /** The measures of shares given in percent (they need not add up to 100: shares of a total not all named). */
    public static Concentration ofShares(Collection<Double> percentShares) {
        List<Double> sorted = percentShares.stream().sorted((a, b) -> Double.compare(b, a)).toList();
        double hhi = sorted.stream().mapToDouble(s -> s * s).sum();
        double cr1 = sorted.isEmpty() ? 0 : sorted.get(0);
        double cr3 = sorted.stream().limit(3).mapToDouble(Double::doubleValue).sum();
        return new Concentration(round(hhi, 1), round(cr1, 2), round(cr3, 2), band(hhi));
    }

    public static String band(double hhi) {
        return hhi < LOW ? "low" : hhi > HIGH ? "high" : "moderate";
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
