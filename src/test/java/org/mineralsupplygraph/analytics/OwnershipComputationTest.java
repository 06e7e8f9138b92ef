package org.mineralsupplygraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.analytics.OwnershipResponse.Stake;
import org.mineralsupplygraph.analytics.OwnershipService.Link;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.UnprocessableException;

/** Integrated ownership and control on constructed networks, against stakes worked out by hand. */
class OwnershipComputationTest {

    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();

    private void node(String id) {
        nodes.putIfAbsent(id, new NodeView(id, List.of("Company"), id.toUpperCase(), Map.of()));
    }

    private void invests(String owner, String owned, Double pct, String source) {
        node(owner);
        node(owned);
        Map<String, Object> p = new HashMap<>();
        p.put("id", "INVESTS_IN:" + owner + ":" + owned + ":" + source);
        p.put("source", source);
        if (pct != null) {
            p.put("stakePct", pct);
        }
        links.add(new Link(owner, owned, new RelationshipView("INVESTS_IN", owner, owned, p)));
    }

    private void subsidiary(String child, String parent) {
        node(child);
        node(parent);
        links.add(new Link(
                parent,
                child,
                new RelationshipView(
                        "SUBSIDIARY_OF",
                        child,
                        parent,
                        Map.of("id", "SUBSIDIARY_OF:" + child + ":" + parent, "source", "t"))));
    }

    private static Stake stake(OwnershipResponse r, String id) {
        return r.stakes().stream()
                .filter(s -> s.node().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The network as seen from the subject: every node of the fixture, in the order the subject comes first. */
    private OwnershipResponse compute(String subject, boolean holdings) {
        Map<String, NodeView> ordered = new LinkedHashMap<>();
        ordered.put(subject, nodes.get(subject));
        ordered.putAll(nodes);
        return OwnershipService.compute(subject, holdings, ordered, links, 100);
    }

    @Test
    void aDirectAndAnIndirectStakeAddUp() {
        // A owns 50% of B, B 60% of C, A 10% of C directly: A's effective stake in C is 0.1 + 0.5 * 0.6 = 40%.
        invests("a", "b", 50.0, "t");
        invests("b", "c", 60.0, "t");
        invests("a", "c", 10.0, "t");

        OwnershipResponse holdings = compute("a", true);
        assertThat(stake(holdings, "c").effectivePct()).isCloseTo(40.0, within(1e-9));
        assertThat(stake(holdings, "c").directPct()).isEqualTo(10.0);
        assertThat(stake(holdings, "c").pathSumPct()).isCloseTo(40.0, within(1e-9));
        assertThat(stake(holdings, "c").paths())
                .extracting(OwnershipResponse.OwnershipPath::nodes)
                .containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of("a", "c"));
        assertThat(stake(holdings, "b").effectivePct()).isCloseTo(50.0, within(1e-9));
        // 50% is not a majority: A controls nothing; B controls C.
        assertThat(holdings.control()).isEmpty();

        OwnershipResponse owners = compute("c", false);
        assertThat(stake(owners, "a").effectivePct()).isCloseTo(40.0, within(1e-9));
        assertThat(stake(owners, "b").effectivePct()).isCloseTo(60.0, within(1e-9));
        assertThat(owners.control()).singleElement().satisfies(c -> {
            assertThat(c.controller().id()).isEqualTo("b");
            assertThat(c.basis()).isEqualTo("majority");
        });
    }

    @Test
    void crossHoldingsInACycleAreSummedAsASeries() {
        // P holds 60% of Q, Q 55% of R, R 20% of Q. Walks P->Q(->R->Q)^k: 0.6 * sum 0.11^k = 0.6 / 0.89.
        invests("p", "q", 60.0, "t");
        invests("q", "r", 55.0, "t");
        invests("r", "q", 20.0, "t");

        OwnershipResponse r = compute("p", true);
        assertThat(stake(r, "q").effectivePct()).isCloseTo(100 * 0.6 / 0.89, within(1e-4)); // 67.4157
        assertThat(stake(r, "r").effectivePct()).isCloseTo(100 * 0.33 / 0.89, within(1e-4)); // 37.0787
        // Simple paths alone give 60% and 33%: the cycle is what adds the rest.
        assertThat(stake(r, "q").pathSumPct()).isCloseTo(60.0, within(1e-9));
        assertThat(stake(r, "r").pathSumPct()).isCloseTo(33.0, within(1e-9));
        // Control: P holds a majority of Q; P's group (P, Q) holds 55% of R.
        assertThat(r.control())
                .extracting(c -> c.controlled().id() + " " + c.votesPct() + " " + c.through())
                .containsExactly("q 60.0 [p]", "r 55.0 [q]");

        // Q holds 0.11 / 0.89 of itself through R.
        OwnershipResponse q = compute("q", true);
        assertThat(q.notes()).anyMatch(n -> n.contains("holds 12.3596% of itself"));
    }

    @Test
    void aCycleThatOwnsAllOfItselfCannotBeComputed() {
        invests("x", "y", 100.0, "t");
        invests("y", "x", 100.0, "t");
        assertThatThrownBy(() -> compute("x", true))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("100% or more of themselves");
    }

    @Test
    void accountsAreNotAddedUpAndLinksWithoutAPercentageStayOutOfTheFigures() {
        invests("a", "b", 30.0, "seed-article");
        invests("a", "b", 35.0, "press-release");
        invests("a", "d", null, "t");
        subsidiary("e", "a");

        OwnershipResponse r = compute("a", true);
        // The seed article's account counts, once; the other is listed.
        assertThat(stake(r, "b").effectivePct()).isEqualTo(30.0);
        assertThat(r.otherAccounts())
                .extracting(l -> l.properties().get("source"))
                .containsExactly("press-release");
        assertThat(r.stakes()).extracting(s -> s.node().id()).containsExactly("b");
        assertThat(r.unquantified())
                .extracting(RelationshipView::type)
                .containsExactlyInAnyOrder("INVESTS_IN", "SUBSIDIARY_OF");
        // A subsidiary is controlled whatever its stake.
        assertThat(r.control()).singleElement().satisfies(c -> {
            assertThat(c.controlled().id()).isEqualTo("e");
            assertThat(c.basis()).isEqualTo("subsidiary");
            assertThat(c.votesPct()).isNull();
        });
    }

    @Test
    void stakesAboveAllOfACompanyAreReported() {
        invests("a", "b", 70.0, "t");
        invests("c", "b", 40.0, "t");
        assertThat(compute("b", false).notes()).anyMatch(n -> n.contains("add up to 110.0%"));
    }

    @Test
    void overHeldCompaniesAreNamedUpToALimitAndTheRestCounted() {
        // 25 companies each held 60% + 60% by two holders: 25 over-held, 10 named, one note for the other 15.
        for (int i = 0; i < 25; i++) {
            invests("top", "b" + i, 60.0, "t");
            invests("x" + i, "b" + i, 60.0, "t");
            invests("b" + i, "top", 0.1, "t");
        }
        List<String> notes = compute("top", true).notes();
        assertThat(notes.stream().filter(n -> n.contains("add up to 120.0%"))).hasSize(10);
        assertThat(notes).anyMatch(n -> n.contains("15 more of the") && n.contains("(25 in all"));
    }

    @Test
    void aLongChainIsSummedWithoutWalkingItWhole() {
        // 5,000 companies, each holding 90% of the next: the last is held 0.9^4999 (about 1e-227, effectively 0); the
        // 12th, 0.9^12 = 28.24%. Evidence paths stop at 12 stakes.
        for (int i = 0; i < 5_000; i++) {
            invests("c" + i, "c" + (i + 1), 90.0, "t");
        }
        OwnershipResponse r = OwnershipService.compute("c0", true, new LinkedHashMap<>(nodes), links, 20);
        assertThat(stake(r, "c12").effectivePct()).isCloseTo(100 * Math.pow(0.9, 12), within(1e-4));
        assertThat(stake(r, "c12").paths())
                .singleElement()
                .satisfies(p -> assertThat(p.nodes()).hasSize(13));
        assertThat(r.stakes()).hasSize(20);
        assertThat(r.stakeCount()).isGreaterThan(20);
        assertThat(r.notes())
                .anyMatch(n -> n.contains("up to 12 stakes long"))
                .anyMatch(n -> n.contains("The 20 largest of"));
        // A chain is held in full: every link 90%, each node controls the next, so c0 controls the whole chain.
        assertThat(r.control()).hasSize(20);
    }
}
