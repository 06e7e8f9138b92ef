package org.mineralsupplygraph.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.mineralsupplygraph.analytics.OwnershipResponse.Control;
import org.mineralsupplygraph.analytics.OwnershipResponse.OwnershipPath;
import org.mineralsupplygraph.analytics.OwnershipResponse.Stake;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.NotFoundException;
import org.mineralsupplygraph.system.ReadQueries;
import org.mineralsupplygraph.system.UnprocessableException;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Relationship;
import org.springframework.stereotype.Service;

/**
 * Effective ownership in the matrix form of integrated ownership (Vitali, Glattfelder and Battiston 2011): with W the
 * direct stakes (W[i][j], the fraction of j that i holds), the integrated stakes are W(I-W)^-1, the sum over every
 * chain of the product of its stakes, cycles included. docs/analytics.md explains the choices.
 */
@Service
class OwnershipService {

    /** The largest ownership network computed (a dense n x n inverse). */
    static final int MAX_NODES = 1_000;

    static final int MAX_PATHS_SHOWN = 20;

    static final int MAX_PATHS_WALKED = 10_000;

    static final int MAX_CONTROL_CANDIDATES = 500;

    private static final String HOLDINGS = CypherQueries.load("ownership-holdings");

    private static final String OWNERS = CypherQueries.load("ownership-owners");

    private static final String SEED = "seed-article";

    private final ReadQueries queries;

    OwnershipService(ReadQueries queries) {
        this.queries = queries;
    }

    /** A link of the ownership network, from the holder to what it holds, whatever the relationship's direction. */
    record Link(String owner, String owned, RelationshipView relationship) {

        Double stakePct() {
            return relationship.properties().get("stakePct") instanceof Number n ? n.doubleValue() : null;
        }

        boolean subsidiary() {
            return "SUBSIDIARY_OF".equals(relationship.type());
        }
    }

    OwnershipResponse ownership(String id, boolean holdings) {
        return queries.read(tx -> {
            Record found = tx.run("OPTIONAL MATCH (n:Entity {id: $id}) RETURN n", Map.of("id", id)).single();
            if (found.get("n").isNull()) {
                throw new NotFoundException("id", id, "No node with id '" + id + "'.");
            }
            Map<String, NodeView> nodes = new LinkedHashMap<>();
            nodes.put(id, GraphViews.node(found.get("n")));
            List<Link> links = new ArrayList<>();
            List<String> frontier = List.of(id);
            while (!frontier.isEmpty()) {
                List<String> next = new ArrayList<>();
                for (Record row : tx.run(holdings ? HOLDINGS : OWNERS,
                        Map.of(holdings ? "owners" : "owned", frontier)).list()) {
                    NodeView owner = GraphViews.node(row.get("owner"));
                    NodeView owned = GraphViews.node(row.get("owned"));
                    Relationship r = row.get("r").asRelationship();
                    boolean up = "SUBSIDIARY_OF".equals(r.type());
                    links.add(new Link(owner.id(), owned.id(),
                            GraphViews.relationship(r, up ? owned.id() : owner.id(), up ? owner.id() : owned.id())));
                    NodeView far = holdings ? owned : owner;
                    if (nodes.putIfAbsent(far.id(), far) == null) {
                        next.add(far.id());
                    }
                }
                if (nodes.size() > MAX_NODES) {
                    throw new UnprocessableException("id", id, "The ownership network " + (holdings ? "below" : "above")
                            + " '" + id + "' has more than " + MAX_NODES + " nodes; the effective stakes are computed"
                            + " for networks up to that size.");
                }
                frontier = next;
            }
            return compute(id, holdings, nodes, links);
        });
    }

    /** The answer for a subject and the ownership network around it (no database needed: tested directly). */
    static OwnershipResponse compute(String subject, boolean holdings, Map<String, NodeView> nodes, List<Link> links) {
        List<String> ids = new ArrayList<>(nodes.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int n = ids.size();
        int s = index.get(subject);

        // One stake per holder and holding: the seed article's account first, then by source; the rest are listed.
        Map<String, List<Link>> pairs = new LinkedHashMap<>();
        links.forEach(l -> pairs.computeIfAbsent(l.owner() + "\u0000" + l.owned(), k -> new ArrayList<>()).add(l));
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        Map<String, Link> counted = new LinkedHashMap<>();
        Set<String> subsidiaries = new HashSet<>();
        List<RelationshipView> unquantified = new ArrayList<>();
        List<RelationshipView> otherAccounts = new ArrayList<>();
        for (Map.Entry<String, List<Link>> pair : pairs.entrySet()) {
            List<Link> accounts = new ArrayList<>(pair.getValue());
            accounts.sort(Comparator.comparing((Link l) -> l.stakePct() == null)
                    .thenComparing(l -> !SEED.equals(l.relationship().properties().get("source")))
                    .thenComparing(l -> String.valueOf(l.relationship().properties().get("source")))
                    .thenComparing(l -> String.valueOf(l.relationship().properties().get("id"))));
            Link preferred = accounts.get(0);
            if (accounts.stream().anyMatch(Link::subsidiary)) {
                subsidiaries.add(pair.getKey());
            }
            if (preferred.stakePct() == null) {
                accounts.forEach(l -> unquantified.add(l.relationship()));
                continue;
            }
            counted.put(pair.getKey(), preferred);
            accounts.stream().skip(1).forEach(l -> otherAccounts.add(l.relationship()));
            w.set(index.get(preferred.owner()), index.get(preferred.owned()), preferred.stakePct() / 100);
        }

        List<String> notes = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double held = 0;
            for (int i = 0; i < n; i++) {
                held += w.get(i, j);
            }
            if (held > 1 + 1e-9) {
                notes.add("The stakes recorded in " + nodes.get(ids.get(j)).name() + " add up to "
                        + Concentration.round(held * 100, 2) + "%, more than all of it.");
            }
        }

        DMatrixRMaj inverse = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.subtractEquals(inverse, w);
        boolean regular = CommonOps_DDRM.invert(inverse);
        DMatrixRMaj integrated = new DMatrixRMaj(n, n);
        if (regular) {
            CommonOps_DDRM.mult(w, inverse, integrated);
        }
        for (int k = 0; regular && k < integrated.getNumElements(); k++) {
            double v = integrated.get(k);
            regular = Double.isFinite(v) && v > -1e-9;
        }
        if (!regular) {
            throw new UnprocessableException("id", subject, "The stakes around '" + subject + "' form a cycle in which"
                    + " companies hold 100% or more of themselves; integrated ownership has no finite value.");
        }

        // Simple paths from the subject, for evidence, and their sum (equal to the integrated stake without cycles).
        Map<String, List<OwnershipPath>> paths = new LinkedHashMap<>();
        Map<String, Double> pathSums = new HashMap<>();
        int[] walked = {0};
        walk(subject, holdings, counted, new ArrayList<>(List.of(subject)), new ArrayList<>(), 1.0, paths, pathSums,
                walked);
        if (walked[0] >= MAX_PATHS_WALKED) {
            notes.add("More than " + MAX_PATHS_WALKED + " simple paths: pathSumPct counts the first "
                    + MAX_PATHS_WALKED + " found.");
        }

        List<Stake> stakes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (k == s) {
                continue;
            }
            double integratedStake = holdings ? integrated.get(s, k) : integrated.get(k, s);
            if (integratedStake <= 1e-12) {
                continue;
            }
            double direct = holdings ? w.get(s, k) : w.get(k, s);
            List<OwnershipPath> shown = paths.getOrDefault(ids.get(k), List.of()).stream()
                    .sorted(Comparator.comparingDouble(OwnershipPath::pct).reversed())
                    .limit(MAX_PATHS_SHOWN)
                    .toList();
            stakes.add(new Stake(nodes.get(ids.get(k)), direct > 0 ? Concentration.round(direct * 100, 4) : null,
                    Concentration.round(integratedStake * 100, 4),
                    Concentration.round(pathSums.getOrDefault(ids.get(k), 0.0) * 100, 4), shown));
        }
        stakes.sort(Comparator.comparingDouble(Stake::effectivePct).reversed()
                .thenComparing(st -> st.node().name()));
        double self = integrated.get(s, s);
        if (self > 1e-12) {
            notes.add(nodes.get(subject).name() + " holds " + Concentration.round(self * 100, 4) + "% of itself"
                    + " through a cycle of cross-holdings; the integrated stakes count the chains around it.");
        }

        List<Control> control = new ArrayList<>();
        if (holdings) {
            control.addAll(controlled(s, w, subsidiaries, ids, nodes));
        } else if (n - 1 > MAX_CONTROL_CANDIDATES) {
            notes.add("Control not computed: more than " + MAX_CONTROL_CANDIDATES + " holders above " + subject + ".");
        } else {
            for (int u = 0; u < n; u++) {
                if (u != s) {
                    controlled(u, w, subsidiaries, ids, nodes).stream()
                            .filter(c -> c.controlled().id().equals(subject))
                            .forEach(control::add);
                }
            }
        }
        String method = "Integrated ownership W(I-W)^-1 over the " + n + " nodes " + (holdings ? "below" : "above")
                + " " + subject + " (" + counted.size() + " stake(s) with a percentage): the product of the stakes along every chain,"
                + " summed; cycles of cross-holdings are summed as a converging series. Control: a chain of majority"
                + " stakes, the controlling group's stakes added, or SUBSIDIARY_OF.";
        return new OwnershipResponse(nodes.get(subject), holdings ? "holdings" : "owners", method, stakes, control,
                unquantified, otherAccounts, notes);
    }

    private static void walk(String at, boolean holdings, Map<String, Link> counted, List<String> nodes,
            List<RelationshipView> relationships, double product, Map<String, List<OwnershipPath>> paths,
            Map<String, Double> sums, int[] walked) {
        for (Link link : counted.values()) {
            if (walked[0] >= MAX_PATHS_WALKED) {
                return;
            }
            String near = holdings ? link.owner() : link.owned();
            String far = holdings ? link.owned() : link.owner();
            if (!near.equals(at) || nodes.contains(far)) {
                continue;
            }
            double next = product * link.stakePct() / 100;
            nodes.add(far);
            relationships.add(link.relationship());
            walked[0]++;
            sums.merge(far, next, Double::sum);
            paths.computeIfAbsent(far, k -> new ArrayList<>()).add(new OwnershipPath(Concentration.round(next * 100,
                    4), List.copyOf(nodes), List.copyOf(relationships)));
            walk(far, holdings, counted, nodes, relationships, next, paths, sums, walked);
            nodes.remove(nodes.size() - 1);
            relationships.remove(relationships.size() - 1);
        }
    }

    /** What node u controls: majority stakes of u and what it already controls, or SUBSIDIARY_OF, to a fixed point. */
    private static List<Control> controlled(int u, DMatrixRMaj w, Set<String> subsidiaries, List<String> ids,
            Map<String, NodeView> nodes) {
        Set<Integer> group = new LinkedHashSet<>(List.of(u));
        List<Control> control = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int j = 0; j < ids.size(); j++) {
                if (group.contains(j)) {
                    continue;
                }
                double votes = 0;
                List<String> through = new ArrayList<>();
                boolean subsidiary = false;
                for (int i : group) {
                    if (w.get(i, j) > 0) {
                        votes += w.get(i, j);
                        through.add(ids.get(i));
                    }
                    subsidiary |= subsidiaries.contains(ids.get(i) + "\u0000" + ids.get(j));
                }
                if (votes > 0.5 + 1e-12 || subsidiary) {
                    group.add(j);
                    control.add(new Control(nodes.get(ids.get(u)), nodes.get(ids.get(j)),
                            votes > 0 ? Concentration.round(votes * 100, 4) : null, through,
                            votes > 0.5 + 1e-12 ? "majority" : "subsidiary"));
                    changed = true;
                }
            }
        }
        return control;
    }
}
