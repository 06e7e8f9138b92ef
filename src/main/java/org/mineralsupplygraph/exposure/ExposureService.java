package org.mineralsupplygraph.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mineralsupplygraph.system.NotFoundException;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/** Answers "which firms of one country depend on a mineral from another", by domicile and by origin. */
@Service
class ExposureService {

    private static final String LOOK_UP = """
            OPTIONAL MATCH (buyerCountry:Country {id: $buyerCountry})
            OPTIONAL MATCH (mineral:Mineral {id: $mineral})
            OPTIONAL MATCH (sourceCountry:Country {id: $sourceCountry})
            RETURN buyerCountry, mineral, sourceCountry,
                   COLLECT { MATCH (buyerCountry)<-[:HEADQUARTERED_IN]-(c:Company) RETURN c.id ORDER BY c.id } AS buyers
            """;

    private final ReadQueries queries;

    ExposureService(ReadQueries queries) {
        this.queries = queries;
    }

    ExposureResponse exposure(String buyerCountry, String mineral, String sourceCountry, Basis basis, int maxDepth,
            LocalDate asOf) {
        return queries.read(tx -> {
            Record found = tx.run(LOOK_UP, Map.of("buyerCountry", buyerCountry, "mineral", mineral, "sourceCountry",
                    sourceCountry)).single();
            require(found.get("buyerCountry"), "buyerCountry", buyerCountry, "No country with code '%s'.");
            require(found.get("mineral"), "mineral", mineral, "No mineral '%s'; GET /api/minerals lists them.");
            require(found.get("sourceCountry"), "sourceCountry", sourceCountry, "No country with code '%s'.");
            List<String> buyers = found.get("buyers").asList(Value::asString);
            // Both bases are always looked up, so that an answer by origin can say where the domicile matches mine.
            List<Dependency> all = SupplyPaths.find(tx, buyers, mineral, sourceCountry, maxDepth, asOf);
            List<Dependency> selected = all.stream().filter(d -> basis.includes(d.basis())).toList();
            List<String> summary = summary(found, all, basis, sourceCountry);
            return new ExposureResponse(buyerCountry, mineral, sourceCountry, basis.value(), maxDepth,
                    asOf == null ? null : asOf.toString(), selected,
                    summary);
        });
    }

    static void require(Value value, String parameter, String id, String message) {
        if (value.isNull()) {
            throw new NotFoundException(parameter, id, message.formatted(id));
        }
    }

    private static String name(Value node) {
        return node.asNode().get("name").asString();
    }

    /** The answer in sentences: by domicile, by origin, and where the domiciled suppliers' ore really is. */
    private static List<String> summary(Record found, List<Dependency> all, Basis basis, String sourceCountry) {
        String buyerCountry = name(found.get("buyerCountry"));
        String source = name(found.get("sourceCountry"));
        String mineralName = name(found.get("mineral")).toLowerCase(java.util.Locale.ROOT);
        List<String> lines = new ArrayList<>();
        List<Dependency> domicile = all.stream().filter(d -> d.basis().equals("domicile")).toList();
        List<Dependency> origin = all.stream().filter(d -> d.basis().equals("origin")).toList();

        if (basis.includes("domicile")) {
            if (domicile.isEmpty()) {
                lines.add("By domicile: no firm of " + buyerCountry + " has a deal for " + mineralName
                        + " with a supplier headquartered in " + source + ", as far as the graph knows.");
            } else {
                lines.add("By domicile: " + pairs(domicile) + ".");
            }
        }
        if (basis.includes("origin")) {
            if (origin.isEmpty()) {
                lines.add("By origin: no firm of " + buyerCountry + " depends on " + mineralName
                        + " mined or processed in " + source + ", as far as the graph knows.");
            } else {
                lines.add("By origin: " + pairs(origin) + ".");
            }
        }
        // Whatever the basis asked for, say where the ore of the suppliers domiciled in the source country comes from.
        Map<String, Set<String>> elsewhere = new LinkedHashMap<>();
        for (Dependency d : domicile) {
            for (Dependency.Origin o : d.origins()) {
                if (!o.country().id().equals(sourceCountry)) {
                    elsewhere.computeIfAbsent(d.supplier().name(), s -> new LinkedHashSet<>())
                            .add(o.site().name() + (o.province() == null ? "" : ", " + o.province()) + ", "
                                    + o.country().name());
                }
            }
        }
        elsewhere.forEach((supplier, places) -> lines.add(supplier + " is headquartered in " + source
                + ", but the graph places its " + mineralName + " at " + String.join("; ", places) + "."));
        return lines;
    }

    /** "LG Energy Solution (Green Technology Metals), SK On (Lake Resources)". */
    private static String pairs(List<Dependency> dependencies) {
        Map<String, Set<String>> byCompany = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            String counterpart = d.site() == null
                    ? d.supplier().name()
                    : d.site().name() + (d.supplier().id().equals(d.site().id()) ? "" : " via " + d.supplier().name());
            byCompany.computeIfAbsent(d.company().name(), c -> new LinkedHashSet<>()).add(counterpart);
        }
        return byCompany.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }
}
