package org.mineralsupplygraph.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.mineralsupplygraph.system.Cursor;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/** Answers "which firms of one country depend on a mineral from another", by domicile and by origin. */
@Service
class ExposureService {

    /** Firms named in a summary sentence, and suppliers whose sites elsewhere it names; companies lists them all. */
    static final int SUMMARY_FIRMS = 20;

    /** Domiciled suppliers whose sites are read at a time while the summary looks for those with sites elsewhere. */
    private static final int ORIGIN_BATCH = 100;

    private final ReadQueries queries;

    private final SupplyReach reach;

    ExposureService(ReadQueries queries, SupplyReach reach) {
        this.queries = queries;
        this.reach = reach;
    }

    ExposureResponse exposure(
            String buyerCountry,
            String mineral,
            String sourceCountry,
            Basis basis,
            int maxDepth,
            LocalDate asOf,
            int limit,
            String cursor) {
        String question = String.join(
                "|",
                buyerCountry,
                mineral,
                sourceCountry,
                basis.value(),
                Integer.toString(maxDepth),
                String.valueOf(asOf));
        int offset = Cursor.offset(cursor, question, "buyerCountry, mineral, sourceCountry, basis, maxDepth and asOf");
        SupplyReach.Reading reading = reach.read();
        return queries.read(tx -> {
            Map<String, NodeView> found = Named.require(
                    tx,
                    Named.country("buyerCountry", buyerCountry),
                    Named.mineral("mineral", mineral),
                    Named.country("sourceCountry", sourceCountry));
            // Both bases are always looked up, so that an answer by origin can say where the domicile matches mine.
            List<Found> all = SupplyPaths.search(
                    tx, SupplyPaths.Question.ofCountry(buyerCountry, mineral, sourceCountry, maxDepth, asOf), reading);
            List<Found> selected =
                    all.stream().filter(d -> basis.includes(d.basis())).toList();
            List<Found> shown = Cursor.page(selected, offset, limit);
            // Where the domiciled suppliers' sites are: those of the page, and those the summary names, read at once.
            Map<String, List<Dependency.Origin>> origins = new HashMap<>();
            Set<String> wanted = new LinkedHashSet<>();
            shown.stream()
                    .filter(d -> d.basis().equals("domicile") && (d.sites == null || !d.sites.isEmpty()))
                    .forEach(d -> wanted.add(d.supplier().id()));
            wanted.addAll(elsewhereCandidates(all).stream().limit(SUMMARY_FIRMS).toList());
            origins.putAll(SupplyPaths.origins(tx, wanted));
            wanted.forEach(id -> origins.putIfAbsent(id, List.of()));
            List<String> summary = summary(tx, found, all, origins, basis, sourceCountry);
            List<Dependency> page = SupplyPaths.complete(tx, shown, origins);
            return new ExposureResponse(
                    buyerCountry,
                    mineral,
                    sourceCountry,
                    basis.value(),
                    maxDepth,
                    asOf == null ? null : asOf.toString(),
                    page,
                    summary,
                    selected.size(),
                    limit,
                    Cursor.next(offset, limit, selected.size(), question),
                    companies(selected),
                    new ExposureResponse.Reach(reading.value(), reading.note()));
        });
    }

    /** Per buyer, what all its dependencies add up to. */
    static List<ExposureResponse.CompanyExposure> companies(List<Found> dependencies) {
        Map<String, List<Found>> byCompany = new LinkedHashMap<>();
        dependencies.forEach(d -> byCompany
                .computeIfAbsent(d.company().id(), k -> new ArrayList<>())
                .add(d));
        List<ExposureResponse.CompanyExposure> companies = new ArrayList<>();
        byCompany.forEach((id, own) -> {
            Set<String> bases = new TreeSet<>();
            Map<String, ExposureResponse.Named> suppliers = new LinkedHashMap<>();
            Map<String, ExposureResponse.Named> sites = new LinkedHashMap<>();
            Map<String, ExposureResponse.Named> countries = new LinkedHashMap<>();
            Map<String, Number> contracts = new LinkedHashMap<>();
            for (Found d : own) {
                bases.add(d.basis());
                suppliers.putIfAbsent(d.supplier().id(), named(d.supplier()));
                if (d.site() != null) {
                    sites.putIfAbsent(d.site().id(), named(d.site()));
                }
                countries.putIfAbsent(d.country().id(), named(d.country()));
                if (d.isOfftake()) {
                    contracts.putIfAbsent(d.dealId(), d.tonnesPerYear());
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
            companies.add(new ExposureResponse.CompanyExposure(
                    named(own.get(0).company()),
                    own.size(),
                    List.copyOf(bases),
                    List.copyOf(suppliers.values()),
                    List.copyOf(sites.values()),
                    List.copyOf(countries.values()),
                    known == 0 ? null : tonnes,
                    contracts.size() - known));
        });
        return companies;
    }

    private static ExposureResponse.Named named(NodeView node) {
        return new ExposureResponse.Named(node.id(), node.name());
    }

    /** The answer in sentences: by domicile, by origin, and where the domiciled suppliers' ore really is. */
    private static List<String> summary(
            TransactionContext tx,
            Map<String, NodeView> found,
            List<Found> all,
            Map<String, List<Dependency.Origin>> known,
            Basis basis,
            String sourceCountry) {
        String buyerCountry = found.get("buyerCountry").name();
        String source = found.get("sourceCountry").name();
        String mineralName = found.get("mineral").name().toLowerCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        List<Found> domicile =
                all.stream().filter(d -> d.basis().equals("domicile")).toList();
        List<Found> origin =
                all.stream().filter(d -> d.basis().equals("origin")).toList();

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
        // Whatever the basis asked for, say where the ore of the suppliers domiciled in the source country comes from:
        // for the first SUMMARY_FIRMS suppliers, in the answer's order, whose sites lie elsewhere.
        // A supply route says whether its supplier's sites lie elsewhere; a walked answer is asked batch by batch.
        List<String> suppliers = elsewhereCandidates(all);
        int batchSize = domicile.stream().anyMatch(d -> d.sites == null) ? ORIGIN_BATCH : SUMMARY_FIRMS;
        Map<String, String> names = new LinkedHashMap<>();
        domicile.forEach(d -> names.putIfAbsent(d.supplier().id(), d.supplier().name()));
        Map<String, Set<String>> elsewhere = new LinkedHashMap<>();
        int checked = 0;
        while (checked < suppliers.size() && elsewhere.size() < SUMMARY_FIRMS) {
            List<String> batch = suppliers.subList(checked, Math.min(suppliers.size(), checked + batchSize));
            Set<String> unknown = new LinkedHashSet<>(batch);
            unknown.removeAll(known.keySet());
            Map<String, List<Dependency.Origin>> origins = new HashMap<>(known);
            origins.putAll(SupplyPaths.origins(tx, unknown));
            for (String supplier : batch) {
                for (Dependency.Origin o : origins.getOrDefault(supplier, List.of())) {
                    if (!o.country().id().equals(sourceCountry)
                            && (elsewhere.containsKey(names.get(supplier)) || elsewhere.size() < SUMMARY_FIRMS)) {
                        elsewhere
                                .computeIfAbsent(names.get(supplier), s -> new LinkedHashSet<>())
                                .add(o.site().name() + (o.province() == null ? "" : ", " + o.province()) + ", "
                                        + o.country().name());
                    }
                }
            }
            checked += batch.size();
        }
        elsewhere.forEach((supplier, places) -> lines.add(supplier + " is headquartered in " + source
                + ", but the graph places its " + mineralName + " at " + String.join("; ", places) + "."));
        if (elsewhere.size() >= SUMMARY_FIRMS && suppliers.size() > SUMMARY_FIRMS) {
            lines.add("Other suppliers headquartered in " + source + " may have sites elsewhere too: each dependency"
                    + " by domicile lists where the graph places its supplier's sites (origins).");
        }

        return lines;
    }

    /**
     * The suppliers by domicile whose sites may lie elsewhere, in the answer's order: those a supply route says do,
     * or every one of a walked answer.
     */
    private static List<String> elsewhereCandidates(List<Found> all) {
        return new ArrayList<>(new LinkedHashSet<>(all.stream()
                .filter(d -> d.basis().equals("domicile"))
                .filter(d -> d.sites == null || d.sites.equals("elsewhere"))
                .map(d -> d.supplier().id())
                .toList()));
    }

    /**
     * "LG Energy Solution (Green Technology Metals), SK On (Lake Resources)": the first SUMMARY_FIRMS firms, then how
     * many more there are.
     */
    private static String pairs(List<Found> dependencies) {
        Map<String, Set<String>> byCompany = new LinkedHashMap<>();
        for (Found d : dependencies) {
            String counterpart = d.site() == null
                    ? d.supplier().name()
                    : d.site().name()
                            + (d.supplier().id().equals(d.site().id())
                                    ? ""
                                    : " via " + d.supplier().name());
            byCompany
                    .computeIfAbsent(d.company().id() + "\u0000" + d.company().name(), c -> new LinkedHashSet<>())
                    .add(counterpart);
        }
        String shown = byCompany.entrySet().stream()
                .limit(SUMMARY_FIRMS)
                .map(e -> e.getKey().substring(e.getKey().indexOf('\u0000') + 1) + " ("
                        + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        int more = byCompany.size() - SUMMARY_FIRMS;
        return more <= 0
                ? shown
                : shown + " and " + String.format(Locale.ENGLISH, "%,d", more)
                        + " more firms (companies lists them all)";
    }
}
