package org.mineralsupplygraph.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.exposure.CompanyDependencies.CountrySupply;
import org.mineralsupplygraph.exposure.CompanyDependencies.MineralSupply;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.springframework.stereotype.Service;

/** One company's supply base: its dependencies grouped per mineral and per country, by domicile and by origin. */
@Service
class CompanyDependenciesService {

    private static final String MINERALS = "MATCH (m:Mineral) RETURN m ORDER BY m.name";

    private final ReadQueries queries;
    private final SupplyReach reach;

    CompanyDependenciesService(ReadQueries queries, SupplyReach reach) {
        this.queries = queries;
        this.reach = reach;
    }

    CompanyDependencies dependencies(String companyId, String mineralId, int maxDepth, LocalDate asOf) {
        SupplyReach.Reading reading = reach.read();
        return queries.read(tx -> {
            Map<String, NodeView> found =
                    Named.require(tx, Named.company("id", companyId), Named.mineral("mineral", mineralId));
            Map<String, NodeView> minerals = new LinkedHashMap<>();
            tx.run(MINERALS).forEachRemaining(row -> {
                NodeView m = GraphViews.node(row.get("m"));
                minerals.put(m.id(), m);
            });
            List<Dependency> all = SupplyPaths.find(tx, List.of(companyId), mineralId, null, maxDepth, asOf, reading);
            return new CompanyDependencies(
                    found.get("id"), mineralId, maxDepth, asOf == null ? null : asOf.toString(), group(all, minerals));
        });
    }

    private static List<MineralSupply> group(List<Dependency> all, Map<String, NodeView> minerals) {
        List<MineralSupply> result = new ArrayList<>();
        for (Map.Entry<String, NodeView> mineral : minerals.entrySet()) {
            List<Dependency> about = all.stream()
                    .filter(d -> d.minerals().contains(mineral.getKey()))
                    .toList();
            if (about.isEmpty()) {
                continue;
            }
            result.add(new MineralSupply(mineral.getValue(), byCountry(about, "domicile"), byCountry(about, "origin")));
        }
        return result;
    }

    private static List<CountrySupply> byCountry(List<Dependency> dependencies, String basis) {
        Map<String, List<Dependency>> groups = new LinkedHashMap<>();
        dependencies.stream()
                .filter(d -> d.basis().equals(basis))
                .forEach(d -> groups.computeIfAbsent(d.country().id(), c -> new ArrayList<>())
                        .add(d));
        List<CountrySupply> countries = new ArrayList<>();
        groups.forEach((country, group) -> {
            Set<String> suppliers = new LinkedHashSet<>();
            group.forEach(d -> suppliers.add(
                    d.site() == null ? d.supplier().name() : d.site().name()));
            countries.add(new CountrySupply(group.get(0).country(), List.copyOf(suppliers), group));
        });
        countries.sort(Comparator.comparing((CountrySupply c) -> c.country().name()));
        return countries;
    }
}
