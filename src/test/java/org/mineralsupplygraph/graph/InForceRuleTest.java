package org.mineralsupplygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.mineralsupplygraph.system.CypherQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The in-force rule has one definition for the queries (cypher/fragments/) and one for Java (InForce): both give the
 * same answer on every case, including those where the copies once disagreed (an agreement's {@code signed}, which
 * the alerts counted from and the supply paths ignored).
 */
@GraphTest
class InForceRuleTest {

    /** Properties as relationships and agreements carry them. */
    static final List<Map<String, Object>> CASES = List.of(
            Map.of("signed", "2020-05", "announced", "2019-11"),
            Map.of("signed", "2020-05"),
            Map.of("validFrom", "2021-03-15", "signed", "2020-05", "announced", "2019-11"),
            Map.of("startDate", "2025", "endDate", "2035", "announced", "2022-09"),
            Map.of("startDate", "2024-10", "termYears", 5L, "announced", "2024-03"),
            Map.of("startDate", "2023", "termYears", 3L, "endDate", "2024-06"),
            Map.of("announced", "2022-04", "endedOn", "2025-04-21"),
            Map.of("validFrom", "2021-03-15", "startDate", "2020", "validTo", "2021-12"),
            Map.of("announced", "2023-09", "termYears", 5L),
            Map.of("termYears", 5L),
            Map.of());

    static final List<String> DAYS = List.of(
            "2019-10-31",
            "2019-11-01",
            "2020-04-30",
            "2020-05-01",
            "2021-03-14",
            "2021-03-15",
            "2021-12-31",
            "2022-01-01",
            "2024-06-30",
            "2024-07-01",
            "2025-04-21",
            "2025-04-22",
            "2029-09-30",
            "2029-10-01",
            "2035-12-31",
            "2036-01-01");

    @Autowired
    Driver driver;

    @Test
    void cypherAndJavaAgreeOnEveryCaseAndDay() {
        Cypher cypher = new Cypher(driver);
        String predicate = "UNWIND $cases AS r RETURN " + CypherQueries.fragment("in-force", "r") + " AS inForce";
        for (String day : DAYS) {
            List<Boolean> cypherSays = cypher.rows(predicate, "cases", CASES, "asOf", day).stream()
                    .map(row -> row.get("inForce").asBoolean())
                    .toList();
            List<Boolean> javaSays = CASES.stream()
                    .map(c -> InForce.of(c).on(LocalDate.parse(day)))
                    .toList();
            assertThat(cypherSays).as("in force on %s, case by case", day).isEqualTo(javaSays);
        }
        String window = "UNWIND $cases AS r RETURN " + CypherQueries.fragment("in-force-from", "r") + " AS from, "
                + CypherQueries.fragment("in-force-until", "r") + " AS until";
        List<Record> rows = cypher.rows(window, "cases", CASES);
        for (int i = 0; i < CASES.size(); i++) {
            InForce java = InForce.of(CASES.get(i));
            Record row = rows.get(i);
            assertThat(
                            row.get("from").isNull()
                                    ? null
                                    : InForce.firstDay(row.get("from").asString()))
                    .as("first day of %s", CASES.get(i))
                    .isEqualTo(java.from());
            assertThat(
                            row.get("until").isNull()
                                    ? null
                                    : LocalDate.parse(row.get("until").asString())
                                            .minusDays(1))
                    .as("last day of %s", CASES.get(i))
                    .isEqualTo(java.until());
        }
    }

    @Test
    void anAgreementIsInForceFromItsSigningNotBefore() {
        Map<String, LocalDate> firstDays = new LinkedHashMap<>();
        for (Map<String, Object> c : CASES.subList(0, 3)) {
            firstDays.put(c.toString(), InForce.of(c).from());
        }
        assertThat(new ArrayList<>(firstDays.values()))
                .containsExactly(LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 1), LocalDate.of(2021, 3, 15));
        Cypher cypher = new Cypher(driver);
        String predicate = "WITH $r AS r RETURN " + CypherQueries.fragment("in-force", "r") + " AS inForce";
        Map<String, Object> signedOnly = CASES.get(1);
        assertThat(cypher.one(predicate, "r", signedOnly, "asOf", "2020-04-30")
                        .get(0)
                        .asBoolean())
                .isFalse();
        assertThat(cypher.one(predicate, "r", signedOnly, "asOf", "2020-05-01")
                        .get(0)
                        .asBoolean())
                .isTrue();
    }
}
