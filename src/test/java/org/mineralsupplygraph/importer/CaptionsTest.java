package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Neo4j Browser shows on a relationship, from its figures. */
class CaptionsTest {

    @Test
    void offtakesShowVolumeShareAndProduct() {
        assertThat(Captions.relationship(
                        "OFFTAKE", Map.of("tonnesPerYear", 25_000L, "product", "battery-grade-lithium")))
                .isEqualTo("25,000 t/yr · battery grade lithium");
        assertThat(Captions.relationship("OFFTAKE", Map.of("tonnesTotal", 70_000L, "product", "cobalt-sulfate")))
                .isEqualTo("70,000 t · cobalt sulfate");
        assertThat(Captions.relationship("OFFTAKE", Map.of("sharePct", 25L, "product", "lithium-concentrate")))
                .isEqualTo("25% of output · lithium concentrate");
    }

    @Test
    void stakesAndAmounts() {
        assertThat(Captions.relationship("INVESTS_IN", Map.of("stakePct", 7.89)))
                .isEqualTo("7.89%");
        assertThat(Captions.relationship("INVESTS_IN", Map.of("amount", 4_000_000_000L, "currency", "USD")))
                .isEqualTo("USD 4 bn");
        assertThat(Captions.relationship(
                        "INVESTS_IN", Map.of("amount", 20_000_000L, "currency", "AUD", "stakePct", 7.89)))
                .isEqualTo("7.89% · AUD 20 m");
    }

    @Test
    void nationalProductionShowsTheShareOfTheWorldTotal() {
        assertThat(Captions.relationship(
                        "PRODUCES", Map.of("tonnes", 220_000L, "unit", "t Co content", "worldTotalTonnes", 290_000L)))
                .isEqualTo("220,000 t Co content (76%)");
        assertThat(Captions.relationship("PRODUCES", Map.of("capacityTonnesPerYear", 100_000L)))
                .isEqualTo("100,000 t/yr");
    }

    @Test
    void otherwiseTheRoleProvisionOrType() {
        assertThat(Captions.relationship("COVERS", Map.of("provision", "no-export-restriction")))
                .isEqualTo("no export restriction");
        assertThat(Captions.relationship("HEADQUARTERED_IN", Map.of())).isEqualTo("headquartered in");
        assertThat(Captions.relationship("LOCATED_IN", Map.of("province", "Ontario")))
                .isEqualTo("Ontario");
    }
}
