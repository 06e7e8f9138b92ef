package org.mineralsupplygraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HHI, CR1, CR3 and the bands against figures computed here by hand from the shipped USGS file. */
class ConcentrationTest {

    /** Each named country's tonnes as a percentage of the published world total, read straight from the CSV. */
    static List<Double> sharesFromCsv(String mineral) throws Exception {
        List<Double> shares = new ArrayList<>();
        for (String line :
                Files.readAllLines(Path.of("src/main/resources/data/usgs-mcs2025-mine-production-2024.csv"))) {
            String[] cells = line.split(",");
            if (!line.startsWith("#") && cells[0].equals(mineral)) {
                shares.add(100 * Double.parseDouble(cells[4]) / Double.parseDouble(cells[5]));
            }
        }
        return shares;
    }

    @Test
    void cobaltIsHighlyConcentrated() throws Exception {
        // (220000/290000*100)^2 + (28000/290000*100)^2 + ... = 5755.05 + 93.22 + 9.00 + 2.41 + ... = 5867.3
        Concentration c = Concentration.ofShares(sharesFromCsv("cobalt"));
        assertThat(c.hhi()).isCloseTo(5867.3, within(0.05));
        assertThat(Math.round(c.hhi())).isEqualTo(5867);
        assertThat(c.cr1()).isCloseTo(75.86, within(0.005)); // DR Congo
        assertThat(c.cr3()).isCloseTo(88.52, within(0.005)); // + Indonesia 9.66 + Russia 3.00
        assertThat(c.band()).isEqualTo("high");
    }

    @Test
    void lithiumIsHighlyConcentratedByThe2023GuidelinesAndModeratelyByThe2010Ones() throws Exception {
        // 36.67^2 + 20.42^2 + 17.08^2 + 9.17^2 + 7.5^2 + 4.17^2 + 1.79^2 + 1.13^2 + 0.16^2 = 2215.3
        Concentration c = Concentration.ofShares(sharesFromCsv("lithium"));
        assertThat(Math.round(c.hhi())).isEqualTo(2215);
        assertThat(c.cr1()).isCloseTo(36.67, within(0.005)); // Australia
        assertThat(c.cr3()).isCloseTo(74.17, within(0.005)); // + Chile + China
        assertThat(c.band()).isEqualTo("high");
        assertThat(c.bands()).isEqualTo("2023");
        assertThat(c.bandRule()).isEqualTo("HHI 2,215: highly concentrated (above 1,800; 2023 U.S. Merger Guidelines)");
        Concentration old = Concentration.ofShares(sharesFromCsv("lithium"), Concentration.Guidelines.Y2010);
        assertThat(old.band()).isEqualTo("moderate");
        assertThat(old.bandRule())
                .isEqualTo("HHI 2,215: moderately concentrated (1,500 to 2,500; 2010 U.S. Horizontal"
                        + " Merger Guidelines)");
    }

    @Test
    void bandsFollowTheThresholds() {
        // 2023: below 1,000 unconcentrated, 1,000..1,800 moderate, above 1,800 high.
        assertThat(Concentration.band(999.9)).isEqualTo("low");
        assertThat(Concentration.band(1_000)).isEqualTo("moderate");
        assertThat(Concentration.band(1_800)).isEqualTo("moderate");
        assertThat(Concentration.band(1_800.1)).isEqualTo("high");
        // 2010: below 1,500, 1,500..2,500, above 2,500.
        Concentration.Guidelines y2010 = Concentration.Guidelines.Y2010;
        assertThat(y2010.band(1_499.9)).isEqualTo("low");
        assertThat(y2010.band(1_500)).isEqualTo("moderate");
        assertThat(y2010.band(2_500)).isEqualTo("moderate");
        assertThat(y2010.band(2_500.1)).isEqualTo("high");
        // One supplier: 100^2. Four equal suppliers: 4 * 25^2 = 2,500. Ten equal: 10 * 10^2 = 1,000.
        assertThat(Concentration.ofShares(List.of(100.0)).hhi()).isEqualTo(10_000);
        assertThat(Concentration.ofShares(List.of(25.0, 25.0, 25.0, 25.0), y2010))
                .isEqualTo(new Concentration(
                        2_500,
                        25,
                        75,
                        "moderate",
                        "2010",
                        "HHI 2,500: moderately concentrated (1,500 to 2,500; 2010 U.S. Horizontal Merger Guidelines)"));
        assertThat(Concentration.ofShares(List.of(25.0, 25.0, 25.0, 25.0)).band())
                .isEqualTo("high");
        assertThat(Concentration.ofShares(Collections.nCopies(10, 10.0)).band()).isEqualTo("moderate");
        assertThat(Concentration.ofShares(Collections.nCopies(11, 100.0 / 11)).band())
                .isEqualTo("low");
        assertThat(Concentration.ofShares(List.of(75.0, 25.0)).hhi()).isEqualTo(6_250);
    }
}
