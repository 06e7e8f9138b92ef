package org.mineralsupplygraph.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Two or more sources' accounts of one fact (relationships of one type between the same two nodes, ADR 2) that give
 * different values of one figure. Both accounts stay in the graph; this says where they disagree.
 */
@Schema(description = "Where the sources' accounts of one fact give different figures")
public record Conflict(
        @Schema(example = "OFFTAKE") String type,
        @Schema(example = "lg-energy-solution") String from,
        @Schema(example = "electra") String to,

        @Schema(description = "the property the accounts disagree on", example = "tonnesTotal")
        String property,

        @Schema(description = "each account's value, with its source and relationship id")
        List<Account> values,

        @Schema(
                description = "the sources that disagree",
                example = "[\"seed-article\", \"theglobeandmail-electra-lges\"]")
        List<String> sources) {

    /** One account's value. */
    @Schema(description = "One source's value of a disputed figure")
    public record Account(
            @Schema(description = "the value as text", example = "70000")
            String value,

            @Schema(description = "the value as a number, when it is one", example = "70000") @Nullable
            Double number,

            @Schema(example = "seed-article") @Nullable String source,

            @Schema(
                    description = "the account's relationship id",
                    example = "OFFTAKE:lg-energy-solution:electra:seed-article")
            String relationship) {}

    /** The figures compared: volumes, shares, stakes, amounts, capacities, terms and the product named. */
    public static final List<String> FIGURES = List.of(
            "tonnesPerYear",
            "tonnesTotal",
            "initialTonnesPerYear",
            "capacityTonnesPerYear",
            "sharePct",
            "stakePct",
            "shares",
            "amount",
            "amountUsd",
            "termYears",
            "product");

    /**
     * The conflicts among relationships: grouped by type and ends, each figure that two accounts of one fact state
     * with different values. Two relationships are accounts of one fact when their sources differ (one source's two
     * relationships between the same nodes are two facts, ADR 2), they name no different agreements, and they do not
     * begin in different years (InForce.start): a stake bought in 2011 and one topped up
     * in 2022 are two deals, not two accounts. A country's production figures (one per year and vintage) never
     * conflict.
     */
    public static List<Conflict> among(List<RelationshipView> relationships) {
        Map<List<String>, List<RelationshipView>> groups = new LinkedHashMap<>();
        for (RelationshipView r : relationships) {
            if (r.type().equals("PRODUCES") && r.properties().containsKey("worldTotalTonnes")) {
                continue;
            }
            groups.computeIfAbsent(List.of(r.type(), r.from(), r.to()), k -> new ArrayList<>())
                    .add(r);
        }
        List<Conflict> conflicts = new ArrayList<>();
        groups.forEach((key, accounts) -> {
            if (accounts.size() < 2) {
                return;
            }
            accounts.sort(
                    Comparator.comparing(r -> String.valueOf(r.properties().get("id"))));
            for (String figure : FIGURES) {
                LinkedHashSet<RelationshipView> disputed = new LinkedHashSet<>();
                for (int i = 0; i < accounts.size(); i++) {
                    for (int j = i + 1; j < accounts.size(); j++) {
                        RelationshipView a = accounts.get(i);
                        RelationshipView b = accounts.get(j);
                        String va = text(a.properties().get(figure));
                        String vb = text(b.properties().get(figure));
                        if (va != null && vb != null && !va.equals(vb) && sameFact(a, b)) {
                            disputed.add(a);
                            disputed.add(b);
                        }
                    }
                }
                if (disputed.isEmpty()) {
                    continue;
                }
                List<Account> values = new ArrayList<>();
                LinkedHashSet<String> sources = new LinkedHashSet<>();
                for (RelationshipView r : disputed) {
                    Object value = r.properties().get(figure);
                    String source = r.properties().get("source") instanceof String text ? text : null;
                    values.add(new Account(
                            text(value),
                            value instanceof Number n ? n.doubleValue() : null,
                            source,
                            String.valueOf(r.properties().get("id"))));
                    if (source != null) {
                        sources.add(source);
                    }
                }
                conflicts.add(new Conflict(key.get(0), key.get(1), key.get(2), figure, values, List.copyOf(sources)));
            }
        });
        return conflicts;
    }

    private static boolean sameFact(RelationshipView a, RelationshipView b) {
        Object sourceA = a.properties().get("source");
        if (sourceA == null || sourceA.equals(b.properties().get("source"))) {
            return false;
        }
        Object agreementA = a.properties().get("agreement");
        Object agreementB = b.properties().get("agreement");
        if (agreementA != null && agreementB != null && !agreementA.equals(agreementB)) {
            return false;
        }
        String yearA = beginYear(a);
        String yearB = beginYear(b);
        return yearA == null || yearB == null || yearA.equals(yearB);
    }

    private static String beginYear(RelationshipView r) {
        String start = InForce.start(r.properties());
        return start != null && start.length() >= 4 ? start.substring(0, 4) : null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        }
        return String.valueOf(value);
    }
}
