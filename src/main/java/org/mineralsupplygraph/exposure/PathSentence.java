package org.mineralsupplygraph.exposure;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * Reads a path in plain words, from its relationships' figures: "SK On holds 10% of Lake Resources, whose subsidiary
 * Morena del Valle Minerals owns 100% of Kachi lithium brine project (Catamarca, Argentina)." Each hop is a clause
 * whose subject is the node before it, in the active voice when the path follows the relationship's direction and in
 * the passive when it runs against it.
 */
final class PathSentence {

    private PathSentence() {}

    /**
     * The sentence for a path.
     *
     * @param nodes the path's nodes in order
     * @param relationships the relationships between consecutive nodes
     * @param countries per node, the country a mine or facility lies in (null for the others, or when unknown)
     */
    static String of(List<NodeView> nodes, List<RelationshipView> relationships, List<String> countries) {
        StringBuilder sentence = new StringBuilder(name(nodes, countries, 0));
        for (int i = 0; i < relationships.size(); i++) {
            RelationshipView r = relationships.get(i);
            boolean forward = r.from().equals(nodes.get(i).id());
            // "A holds 10% of B, whose subsidiary C owns D": a parent followed down to a subsidiary and beyond.
            if (i > 0 && !forward && "SUBSIDIARY_OF".equals(r.type()) && i + 1 < relationships.size()) {
                RelationshipView next = relationships.get(i + 1);
                sentence.append(", whose subsidiary ")
                        .append(name(nodes, countries, i + 1))
                        .append(' ')
                        .append(clause(next, next.from().equals(nodes.get(i + 1).id()), name(nodes, countries, i + 2)));
                i++;
                continue;
            }
            sentence.append(i == 0 ? " " : ", which ").append(clause(r, forward, name(nodes, countries, i + 1)));
        }
        return sentence.append('.').toString();
    }

    private static String name(List<NodeView> nodes, List<String> countries, int i) {
        NodeView node = nodes.get(i);
        String name = node.name() == null || node.name().isBlank() ? node.id() : node.name();
        String country = countries == null || i >= countries.size() ? null : countries.get(i);
        List<String> place = new ArrayList<>();
        if (node.properties().get("province") instanceof String province && !province.isBlank()) {
            place.add(province);
        }
        if (country != null) {
            place.add(country);
        }
        return place.isEmpty() ? name : name + " (" + String.join(", ", place) + ")";
    }

    /** The clause of one hop, its subject left out: "holds 10% of B", "is operated by B". */
    static String clause(RelationshipView r, boolean forward, String other) {
        Map<String, Object> p = r.properties();
        String stake = p.get("stakePct") instanceof Number pct ? number(pct) + "%" : null;
        return switch (r.type()) {
            case "INVESTS_IN" ->
                forward
                        ? (stake != null
                                ? "holds " + stake + " of " + other
                                : "invests" + amount(p, " ") + " in " + other)
                        : (stake != null
                                ? "is " + stake + " held by " + other
                                : "receives an investment" + amount(p, " of ") + " from " + other);
            case "OFFTAKE" ->
                forward
                        ? "buys " + volume(p) + "from " + other
                        : "supplies " + other
                                + (volume(p).isEmpty()
                                        ? ""
                                        : " with " + volume(p).strip());
            case "SUBSIDIARY_OF" ->
                forward
                        ? "is a subsidiary of " + other + (stake == null ? "" : " (" + stake + ")")
                        : "has the subsidiary " + other;
            case "OWNS" ->
                forward
                        ? "owns " + (stake == null ? "" : stake + " of ") + other
                        : "is " + (stake == null ? "" : stake + " ") + "owned by " + other;
            case "OPERATES" -> forward ? "operates " + other : "is operated by " + other;
            case "FEEDS" -> forward ? "feeds " + other : "is fed by " + other;
            case "PARTY_TO" -> forward ? "is party to " + other : "has " + other + " as a party";
            case "ENACTED" -> forward ? "enacted " + other : "was enacted by " + other;
            case "PART_OF" -> forward ? "is part of " + other : "includes " + other;
            case "GOVERNS" -> forward ? "governs " + other : "is governed by " + other;
            case "HEADQUARTERED_IN" -> forward ? "is headquartered in " + other : "is home to " + other;
            case "LOCATED_IN" -> forward ? "lies in " + other : "is where " + other + " lies";
            case "COVERS" -> forward ? "covers " + other : "is covered by " + other;
            case "PRODUCES" -> forward ? "produces " + other : "is produced by " + other;
            case "FORM_OF" -> forward ? "is a form of " + other : "has the form " + other;
            case "IMPORTS_FROM" -> forward ? "imports from " + other : "exports to " + other;
            default -> "is linked to " + other + " (" + r.type() + ")";
        };
    }

    /** "25,000 t/yr of lithium-hydroxide ", "70,000 t of ", "25% of the output "; empty when the deal states none. */
    private static String volume(Map<String, Object> p) {
        String product = p.get("product") instanceof String s ? s.replace('-', ' ') + " " : "";
        if (p.get("tonnesPerYear") instanceof Number t) {
            return number(t) + " t/yr of " + product;
        }
        if (p.get("tonnesTotal") instanceof Number t) {
            return number(t) + " t of " + product;
        }
        if (p.get("sharePct") instanceof Number share) {
            return number(share) + "% of the output" + (product.isEmpty() ? " " : " (" + product.strip() + ") ");
        }
        return product;
    }

    private static String amount(Map<String, Object> p, String before) {
        return p.get("caption") instanceof String caption && (p.get("amount") != null || p.get("amountUsd") != null)
                ? before + caption
                : "";
    }

    private static String number(Number n) {
        return NumberFormat.getInstance(Locale.ENGLISH).format(n);
    }
}
