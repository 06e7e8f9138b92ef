package org.mineralsupplygraph.importer;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The short text Neo4j Browser shows on a relationship ({@code caption}), derived from its figures: "25,000 t/yr
 * battery-grade lithium", "7.89%", "88,000 t Li content (37%)". Display text only: it states nothing the other
 * properties do not, and the importer computes it on every write.
 */
final class Captions {

    static final String PROPERTY = "caption";

    private Captions() {}

    static String relationship(String type, Map<String, Object> p) {
        List<String> parts = new ArrayList<>();
        switch (type) {
            case "OFFTAKE" -> {
                if (p.get("tonnesPerYear") != null) {
                    parts.add(tonnes(p.get("tonnesPerYear")) + " t/yr");
                } else if (p.get("tonnesTotal") != null) {
                    parts.add(tonnes(p.get("tonnesTotal")) + " t");
                }
                if (p.get("sharePct") != null) {
                    parts.add(number(p.get("sharePct")) + "% of output");
                }
                if (p.get("product") != null) {
                    parts.add(words(p.get("product")));
                }
            }
            case "INVESTS_IN", "OWNS", "SUBSIDIARY_OF" -> {
                if (p.get("stakePct") != null) {
                    parts.add(number(p.get("stakePct")) + "%");
                }
                if (p.get("amount") != null && p.get("currency") != null) {
                    parts.add(p.get("currency") + " " + money(p.get("amount")));
                }
            }
            case "PRODUCES" -> {
                if (p.get("tonnes") != null) {
                    String share = p.get("worldTotalTonnes") instanceof Number world && world.doubleValue() > 0
                            ? " (" + Math.round(100 * ((Number) p.get("tonnes")).doubleValue() / world.doubleValue())
                                    + "%)"
                            : "";
                    parts.add(tonnes(p.get("tonnes")) + " " + (p.get("unit") == null ? "t" : p.get("unit")) + share);
                } else if (p.get("capacityTonnesPerYear") != null) {
                    parts.add(tonnes(p.get("capacityTonnesPerYear")) + " t/yr");
                }
            }
            case "COVERS" -> addIfPresent(parts, p.get("provision"));
            case "PARTY_TO", "ENACTED" -> addIfPresent(parts, p.get("role"));
            case "LOCATED_IN" -> {
                if (p.get("province") != null) {
                    parts.add(p.get("province").toString());
                }
            }
            case "FEEDS" -> {
                if (p.get("product") != null) {
                    parts.add(words(p.get("product")));
                }
            }
            default -> {}
        }
        return parts.isEmpty() ? words(type) : String.join(" · ", parts);
    }

    private static void addIfPresent(List<String> parts, Object value) {
        if (value != null) {
            parts.add(words(value));
        }
    }

    private static String words(Object id) {
        return id.toString().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }

    private static String number(Object value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String tonnes(Object value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** 4,000,000,000 as "4 bn", 105,800,000,000 as "105.8 bn", 20,000,000 as "20 m". */
    private static String money(Object value) {
        double amount = ((Number) value).doubleValue();
        if (amount >= 1e9) {
            return number(amount / 1e9) + " bn";
        }
        if (amount >= 1e6) {
            return number(amount / 1e6) + " m";
        }
        return number(amount);
    }
}
