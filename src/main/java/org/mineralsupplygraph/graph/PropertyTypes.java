package org.mineralsupplygraph.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.graph.GraphModel.Type;

/**
 * The {@link GraphModel}'s table of property types: every property name a label or a relationship type may carry, with
 * how its value is checked and stored.
 */
final class PropertyTypes {

    private static final Map<String, Type> PROPERTY_TYPES = new LinkedHashMap<>();

    /** Every property name the model knows, with its type, in the order of the table. */
    static final Map<String, Type> ALL = Collections.unmodifiableMap(PROPERTY_TYPES);

    static {
        for (String p : List.of(
                "name",
                "source",
                "evidence",
                "note",
                "description",
                "kind",
                "status",
                "stage",
                "province",
                "nearestTown",
                "ticker",
                "exchange",
                "deposit",
                "currency",
                "unit",
                "vintage",
                "caveat",
                "role",
                "provision",
                "title",
                "url",
                "publisher",
                "file",
                "shareBasis",
                "locationPrecision",
                "locationEvidence",
                "locationNote")) {
            PROPERTY_TYPES.put(p, Type.STRING);
        }
        for (String p : List.of("aliases", "areas", "objectives", "measures", "conditions", "provisions", "urls")) {
            PROPERTY_TYPES.put(p, Type.STRING_LIST);
        }
        for (String p : List.of(
                "amount",
                "amountUsd",
                "amountCnyApprox",
                "tonnesPerYear",
                "tonnesTotal",
                "initialTonnesPerYear",
                "capacityTonnesPerYear",
                "tonnes",
                "worldTotalTonnes",
                "reserveMultiplier",
                "targetMultiplier")) {
            PROPERTY_TYPES.put(p, Type.NUMBER);
        }
        for (String p : List.of(
                "year",
                "termYears",
                "optionYears",
                "initialYears",
                "shares",
                "reviewIntervalYears",
                "mineralCount",
                "strategicMineralCount",
                "stockpileTargetDays",
                "previousStockpileDays",
                "targetYear",
                "targetCompanyCount")) {
            PROPERTY_TYPES.put(p, Type.INTEGER);
        }
        for (String p : List.of(
                "stakePct",
                "sharePct",
                "thresholdPct",
                "previousThresholdPct",
                "costShareMaxPct",
                "fundingShareAbovePct")) {
            PROPERTY_TYPES.put(p, Type.PERCENT);
        }
        for (String p : List.of(
                "announced", "signed", "validFrom", "validTo", "startDate", "endDate", "published", "retrieved")) {
            PROPERTY_TYPES.put(p, Type.DATE);
        }
        for (String p : List.of("noExportTariffs", "iraTaxCreditEligible", "approximate")) {
            PROPERTY_TYPES.put(p, Type.BOOLEAN);
        }
        PROPERTY_TYPES.put("product", Type.PRODUCT_REF);
        PROPERTY_TYPES.put("alternativeProduct", Type.PRODUCT_REF);
        PROPERTY_TYPES.put("agreement", Type.AGREEMENT_REF);
        PROPERTY_TYPES.put("seeAlso", Type.SOURCE_REFS);
        PROPERTY_TYPES.put("locationSource", Type.SOURCE_REF);
        PROPERTY_TYPES.put("latitude", Type.LATITUDE);
        PROPERTY_TYPES.put("longitude", Type.LONGITUDE);
    }

    private PropertyTypes() {}
}
