package org.mineralsupplygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When relationships are in force, from partial dates, end dates and terms. */
class InForceTest {

    @Test
    void aYearOrMonthBeginsOnItsFirstDayAndEndsOnItsLast() {
        // Avalon: 55,000 t "from 2025 to 2035".
        InForce avalon = InForce.of(Map.of("startDate", "2025", "endDate", "2035", "announced", "2022-09"));
        assertThat(avalon).isEqualTo(new InForce(LocalDate.of(2025, 1, 1), LocalDate.of(2035, 12, 31)));
        assertThat(avalon.on(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(avalon.on(LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(avalon.on(LocalDate.of(2035, 12, 31))).isTrue();
        assertThat(avalon.on(LocalDate.of(2036, 1, 1))).isFalse();
        assertThat(InForce.months("2025", "2035")).isEqualTo(132);
        assertThat(InForce.lastDay("2024-02")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aTermRunsFromTheStart() {
        // Electra: 70,000 t over three years from 2023: 2023, 2024 and 2025.
        InForce electra = InForce.of(Map.of("startDate", "2023", "termYears", 3L));
        assertThat(electra.until()).isEqualTo(LocalDate.of(2025, 12, 31));
        // SK On - Lake Resources: five years from the fourth quarter of 2024.
        InForce skOn = InForce.of(Map.of("startDate", "2024-10", "termYears", 5L, "announced", "2022-10"));
        assertThat(skOn).isEqualTo(new InForce(LocalDate.of(2024, 10, 1), LocalDate.of(2029, 9, 30)));
        // An explicit end wins over a term; validFrom/validTo over the contract's dates.
        assertThat(InForce.of(Map.of("startDate", "2023", "termYears", 3L, "endDate", "2030"))
                        .until())
                .isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(InForce.of(Map.of("validFrom", "2021-03-15", "startDate", "2020", "validTo", "2021-06")))
                .isEqualTo(new InForce(LocalDate.of(2021, 3, 15), LocalDate.of(2021, 6, 30)));
    }

    @Test
    void anAnnouncementStartsWhatHasNoStartAndNoDatesMeanAlways() {
        InForce stake = InForce.of(Map.of("announced", "2023-09", "stakePct", 7.89));
        assertThat(stake.on(LocalDate.of(2023, 8, 31))).isFalse();
        assertThat(stake.on(LocalDate.of(2023, 9, 1))).isTrue();
        assertThat(stake.until()).isNull();
        InForce undated = InForce.of(Map.of("termYears", 5L));
        assertThat(undated).isEqualTo(new InForce(null, null));
        assertThat(undated.on(LocalDate.of(1900, 1, 1))).isTrue();
    }
}
