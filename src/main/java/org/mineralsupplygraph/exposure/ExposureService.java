package org.mineralsupplygraph.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mineralsupplygraph.graph.Basis;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.springframework.stereotype.Service;

/** Answers "which firms of one country depend on a mineral from another", by domicile and by origin. */
@Service
class ExposureService {

    private final ReadQueries queries;
    private final SupplyReach reach;

    ExposureService(ReadQueries queries, SupplyReach reach) {
        this.queries = queries;
        this.reach = reach;
    }

    ExposureResponse exposure(String buyerCountry, String mineral, String sourceCountry, Basis basis, int maxDepth,
            LocalDate asOf, int limit, String cursor) {
        String question = String.join("|", buyerCountry, mineral, sourceCountry, basis.value(),
                Integer.toString(maxDepth), String.valueOf(asOf));
        int offset = Cursor.offset(cursor, question);
        SupplyReach.Reading reading = reach.read();
        return queries.read(tx -> {
            Map<String, NodeView> found = Named.require(tx, Named.country("buyerCountry", buyerCountry),
                    Named.mineral("mineral", mineral), Named.country("sourceCountry", sourceCountry));
            // Both bases are always looked up, so that an answer by origin can say where the domicile matches mine.
            List<SupplyPaths.Found> all = SupplyPaths.search(tx, SupplyPaths.Question.ofCountry(buyerCountry,
                    mineral, sourceCountry, maxDepth, asOf), reading);
            List<SupplyPaths.Found> selected = all.stream().filter(d -> basis.includes(d.basis())).toList();
            Set<String> domiciled = new LinkedHashSet<>();
            all.stream().filter(d -> d.basis().equals("domicile")).forEach(d -> domiciled.add(d.supplier().id()));
            Map<String, List<Dependency.Origin>> origins = SupplyPaths.origins(tx, domiciled);
            List<String> summary = summary(found, all, origins, basis, sourceCountry);
            int from = Math.min(offset, selected.size());
            int to = Math.min(selected.size(), from + limit);
            List<Dependency> page = SupplyPaths.complete(tx, selected.subList(from, to), origins);
            return new ExposureResponse(buyerCountry, mineral, sourceCountry, basis.value(), maxDepth,
                    asOf == null ? null : asOf.toString(), page, summary, selected.size(), limit,
                    to < selected.size() ? Cursor.of(to, question) : null, companies(selected),
                    new ExposureResponse.Reach(reading.value(), reading.note()));
        });
    }

    /** Per buyer, what all its dependencies add up to. */
    static List<ExposureResponse.CompanyExposure> companies(List<SupplyPaths.Found> dependencies) {
        Map<String, List<SupplyPaths.Found>> byCompany = new LinkedHashMap<>();
        dependencies.forEach(d -> byCompany.computeIfAbsent(d.company().id(), k -> new ArrayList<>()).add(d));
        List<ExposureResponse.CompanyExposure> companies = new ArrayList<>();
        byCompany.forEach((id, own) -> {
            Set<String> bases = new TreeSet<>();
            Map<String, ExposureResponse.Named> suppliers = new LinkedHashMap<>();
            Map<String, ExposureResponse.Named> sites = new LinkedHashMap<>();
            Map<String, ExposureResponse.Named> countries = new LinkedHashMap<>();
            Map<String, Number> contracts = new LinkedHashMap<>();
            for (SupplyPaths.Found d : own) {
                bases.add(d.basis());
                suppliers.putIfAbsent(d.supplier().id(), named(d.supplier()));
                if (d.site() != null) {
                    sites.putIfAbsent(d.site().id(), named(d.site()));
                }
                countries.putIfAbsent(d.country().id(), named(d.country()));
                if (d.isOfftake()) {
                    contracts.putIfAbsent(d.dealId(), d.figure("tonnesPerYear"));
                }
            }
            double tonnes = 0;
            int known = 0;
            for (Number n : contracts.values()) {
                if (n != null) {
                    tonnes += n.doubleValue();
                    known++;
                }
            }
            companies.add(new ExposureResponse.CompanyExposure(named(own.get(0).company()), own.size(),
                    List.copyOf(bases), List.copyOf(suppliers.values()), List.copyOf(sites.values()),
                    List.copyOf(countries.values()), known == 0 ? null : tonnes, contracts.size() - known));
        });
        return companies;
    }

    private static ExposureResponse.Named named(NodeView node) {
        return new ExposureResponse.Named(node.id(), node.name());
    }

    /** The answer in sentences: by domicile, by origin, and where the domiciled suppliers' ore really is. */
    private static List<String> summary(Map<String, NodeView> found, List<SupplyPaths.Found> all,
            Map<String, List<Dependency.Origin>> origins, Basis basis, String sourceCountry) {
        String buyerCountry = found.get("buyerCountry").name();
        String source = found.get("sourceCountry").name();
        String mineralName = found.get("mineral").name().toLowerCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        List<SupplyPaths.Found> domicile = all.stream().filter(d -> d.basis().equals("domicile")).toList();
        List<SupplyPaths.Found> origin = all.stream().filter(d -> d.basis().equals("origin")).toList();

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
        for (SupplyPaths.Found d : domicile) {
            for (Dependency.Origin o : origins.getOrDefault(d.supplier().id(), List.of())) {
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
    private static String pairs(List<SupplyPaths.Found> dependencies) {
        Map<String, Set<String>> byCompany = new LinkedHashMap<>();
        for (SupplyPaths.Found d : dependencies) {
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
