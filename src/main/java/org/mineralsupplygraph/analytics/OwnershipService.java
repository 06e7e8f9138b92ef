package org.mineralsupplygraph.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.mineralsupplygraph.analytics.OwnershipResponse.Control;
import org.mineralsupplygraph.analytics.OwnershipResponse.OwnershipPath;
import org.mineralsupplygraph.analytics.OwnershipResponse.Stake;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.mineralsupplygraph.system.UnprocessableException;
import org.springframework.stereotype.Service;

/**
 * Effective ownership in the matrix form of integrated ownership (Vitali, Glattfelder and Battiston 2011): with W the
 * direct stakes (W[i][j], the fraction of j that i holds), the integrated stakes are W(I-W)^-1, the sum over every
 * chain of the product of its stakes, cycles included. docs/analytics.md explains the choices.
 */
@Service
class OwnershipService {

    /** The largest ownership network computed. */
    static final int MAX_NODES = 200_000;

    /** Terms of the series W + W^2 + ... summed before a cycle is declared to own all of itself. */
    static final int MAX_TERMS = 10_000;

    static final int MAX_PATHS_SHOWN = 10;

    static final int MAX_PATHS_WALKED = 10_000;

    /** The longest simple path listed as evidence, in stakes. */
    static final int MAX_PATH_LENGTH = 12;

    static final int MAX_CONTROL_CANDIDATES = 500;

    /** Nodes named in the notes for stakes adding up to more than 100%; the rest are counted in one note. */
    static final int MAX_OVER_HELD_NOTES = 10;

    private final ReadQueries queries;

    /** Whether the database has APOC's breadth-first expansion; null until asked. */
    private volatile Boolean apoc;

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

    OwnershipResponse ownership(String id, boolean holdings, int limit) {
        // One read transaction, so that the whole request stays within the query time-out: the network, the
        // computation in memory, then the properties of what the answer shows.
        return queries.read(tx -> {
            NodeView subject = Named.require(tx, Named.node("id", id)).get("id");
            if (apoc == null) {
                apoc = OwnershipNetwork.apoc(tx);
            }
            OwnershipNetwork network = apoc
                    ? OwnershipNetwork.read(tx, subject, holdings)
                    : OwnershipNetwork.byLevel(tx, subject, holdings);
            return network.complete(tx, compute(id, holdings, network.nodes(), network.links(), limit));
        });
    }

    /** The answer for a subject and the ownership network around it (no database needed: tested directly). */
    static OwnershipResponse compute(
            String subject, boolean holdings, Map<String, NodeView> nodes, List<Link> links, int limit) {
        List<String> ids = new ArrayList<>(nodes.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int n = ids.size();
        int s = index.get(subject);

        // One stake per holder and holding: the seed article's account first, then by source; the rest are listed.
        Map<String, List<Link>> pairs = new LinkedHashMap<>();
        links.forEach(l -> pairs.computeIfAbsent(l.owner() + "\u0000" + l.owned(), k -> new ArrayList<>())
                .add(l));
        Map<String, Link> counted = new LinkedHashMap<>();
        Set<String> subsidiaries = new HashSet<>();
        List<RelationshipView> unquantified = new ArrayList<>();
        List<RelationshipView> otherAccounts = new ArrayList<>();
        for (Map.Entry<String, List<Link>> pair : pairs.entrySet()) {
            List<Link> accounts = new ArrayList<>(pair.getValue());
            accounts.sort(Comparator.comparing((Link l) -> l.stakePct() == null)
                    .thenComparing(l -> !SupplyContracts.SEED.equals(
                            l.relationship().properties().get("source")))
                    .thenComparing(
                            l -> String.valueOf(l.relationship().properties().get("source")))
                    .thenComparing(
                            l -> String.valueOf(l.relationship().properties().get("id"))));
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
        }

        List<String> notes = new ArrayList<>();
        double[] held = new double[n];
        counted.values().forEach(l -> held[index.get(l.owned())] += l.stakePct() / 100);
        int overHeld = 0;
        for (int j = 0; j < n; j++) {
            if (held[j] > 1 + 1e-9 && ++overHeld <= MAX_OVER_HELD_NOTES) {
                notes.add("The stakes recorded in " + nodes.get(ids.get(j)).name() + " add up to "
                        + Concentration.round(held[j] * 100, 2) + "%, more than all of it.");
            }
        }
        if (overHeld > MAX_OVER_HELD_NOTES) {
            notes.add("The stakes recorded in " + (overHeld - MAX_OVER_HELD_NOTES) + " more of the " + n + " nodes"
                    + " add up to more than 100% (" + overHeld + " in all; the first " + MAX_OVER_HELD_NOTES
                    + " are named above).");
        }

        double[] integrated = integrated(subject, s, holdings, n, index, counted.values());
        // Simple paths from the subject, for evidence, and their sum (equal to the integrated stake without cycles).
        Map<String, List<OwnershipPath>> paths = new LinkedHashMap<>();
        Map<String, Double> pathSums = new HashMap<>();
        int[] walked = {0, 0};
        Map<String, List<Link>> adjacent = new HashMap<>();
        counted.values()
                .forEach(l -> adjacent.computeIfAbsent(holdings ? l.owner() : l.owned(), k -> new ArrayList<>())
                        .add(l));
        walk(
                subject,
                holdings,
                adjacent,
                new ArrayList<>(List.of(subject)),
                new HashSet<>(List.of(subject)),
                new ArrayList<>(),
                1.0,
                paths,
                pathSums,
                walked);
        if (walked[0] >= MAX_PATHS_WALKED) {
            notes.add("More than " + MAX_PATHS_WALKED + " simple paths: pathSumPct counts the first " + MAX_PATHS_WALKED
                    + " found.");
        }
        if (walked[1] == 1) {
            notes.add("Simple paths are listed (and summed in pathSumPct) up to " + MAX_PATH_LENGTH + " stakes long;"
                    + " effectivePct counts chains of any length.");
        }

        List<Stake> stakes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (k == s) {
                continue;
            }
            double integratedStake = integrated[k];
            if (integratedStake <= 1e-12) {
                continue;
            }
            Link directLink = counted.get(holdings ? subject + "\u0000" + ids.get(k) : ids.get(k) + "\u0000" + subject);
            double direct = directLink == null ? 0 : directLink.stakePct() / 100;
            List<OwnershipPath> shown = paths.getOrDefault(ids.get(k), List.of()).stream()
                    .sorted(Comparator.comparingDouble(OwnershipPath::pct).reversed())
                    .limit(MAX_PATHS_SHOWN)
                    .toList();
            stakes.add(new Stake(
                    nodes.get(ids.get(k)),
                    direct > 0 ? Concentration.round(direct * 100, 4) : null,
                    Concentration.round(integratedStake * 100, 4),
                    Concentration.round(pathSums.getOrDefault(ids.get(k), 0.0) * 100, 4),
                    shown));
        }
        stakes.sort(Comparator.comparingDouble(Stake::effectivePct)
                .reversed()
                .thenComparing(st -> st.node().name()));
        double self = integrated[s];
        if (self > 1e-12) {
            notes.add(nodes.get(subject).name() + " holds " + Concentration.round(self * 100, 4) + "% of itself"
                    + " through a cycle of cross-holdings; the integrated stakes count the chains around it.");
        }

        // Who holds what, and whose subsidiary is whose, built once for every controller looked at.
        Map<String, List<Link>> out = new HashMap<>();
        counted.values()
                .forEach(l ->
                        out.computeIfAbsent(l.owner(), k -> new ArrayList<>()).add(l));
        Map<String, List<String>> subsidiariesOf = new HashMap<>();
        subsidiaries.forEach(pair -> {
            String[] ends = pair.split("\u0000");
            subsidiariesOf.computeIfAbsent(ends[0], k -> new ArrayList<>()).add(ends[1]);
        });
        List<Control> control = new ArrayList<>();
        if (holdings) {
            control.addAll(controlled(ids.get(s), out, subsidiariesOf, nodes));
        } else if (n - 1 > MAX_CONTROL_CANDIDATES) {
            notes.add("Control not computed: more than " + MAX_CONTROL_CANDIDATES + " holders above " + subject + ".");
        } else {
            for (int u = 0; u < n; u++) {
                if (u != s) {
                    controlled(ids.get(u), out, subsidiariesOf, nodes).stream()
                            .filter(c -> c.controlled().id().equals(subject))
                            .forEach(control::add);
                }
            }
        }
        String method = "Integrated ownership W(I-W)^-1 over the " + n + " nodes " + (holdings ? "below" : "above")
                + " " + subject + " (" + counted.size()
                + " stake(s) with a percentage): the product of the stakes along every chain,"
                + " summed; cycles of cross-holdings are summed as a converging series. Control: a chain of majority"
                + " stakes, the controlling group's stakes added, or SUBSIDIARY_OF.";
        if (stakes.size() > limit) {
            notes.add("The " + limit + " largest of " + stakes.size() + " stakes are listed (limit).");
        }
        if (control.size() > limit) {
            notes.add("The first " + limit + " of " + control.size() + " control relations are listed (limit).");
        }
        return new OwnershipResponse(
                nodes.get(subject),
                holdings ? "holdings" : "owners",
                method,
                stakes.subList(0, Math.min(limit, stakes.size())),
                stakes.size(),
                control.subList(0, Math.min(limit, control.size())),
                unquantified,
                otherAccounts,
                notes);
    }

    private static void walk(
            String at,
            boolean holdings,
            Map<String, List<Link>> adjacent,
            List<String> nodes,
            Set<String> onPath,
            List<RelationshipView> relationships,
            double product,
            Map<String, List<OwnershipPath>> paths,
            Map<String, Double> sums,
            int[] walked) {
        for (Link link : adjacent.getOrDefault(at, List.of())) {
            if (walked[0] >= MAX_PATHS_WALKED) {
                return;
            }
            String far = holdings ? link.owned() : link.owner();
            if (onPath.contains(far)) {
                continue;
            }
            if (relationships.size() >= MAX_PATH_LENGTH) {
                walked[1] = 1;
                continue;
            }
            double next = product * link.stakePct() / 100;
            nodes.add(far);
            onPath.add(far);
            relationships.add(link.relationship());
            walked[0]++;
            sums.merge(far, next, Double::sum);
            paths.computeIfAbsent(far, k -> new ArrayList<>())
                    .add(new OwnershipPath(
                            Concentration.round(next * 100, 4), List.copyOf(nodes), List.copyOf(relationships)));
            walk(far, holdings, adjacent, nodes, onPath, relationships, next, paths, sums, walked);
            nodes.remove(nodes.size() - 1);
            onPath.remove(far);
            relationships.remove(relationships.size() - 1);
        }
    }

    /**
     * The subject's row (holdings) or column (owners) of W(I-W)^-1 = W + W^2 + ..., summed term by term with sparse
     * products until the terms vanish: exact up to 1e-13, and linear in the stakes per term. A series that does not
     * die out means a cycle holding 100% or more of itself.
     */
    static double[] integrated(
            String subject, int s, boolean holdings, int n, Map<String, Integer> index, Collection<Link> stakes) {
        // holdings: x W, written as W^T x; owners: W y.
        DMatrixSparseTriplet triplets = new DMatrixSparseTriplet(n, n, stakes.size());
        DMatrixRMaj term = new DMatrixRMaj(n, 1);
        for (Link l : stakes) {
            int owner = index.get(l.owner());
            int owned = index.get(l.owned());
            double w = l.stakePct() / 100;
            if (holdings) {
                triplets.addItem(owned, owner, w);
            } else {
                triplets.addItem(owner, owned, w);
            }
            if (holdings && owner == s) {
                term.set(owned, 0, term.get(owned, 0) + w);
            } else if (!holdings && owned == s) {
                term.set(owner, 0, term.get(owner, 0) + w);
            }
        }
        DMatrixSparseCSC step = DConvertMatrixStruct.convert(triplets, (DMatrixSparseCSC) null);
        DMatrixRMaj total = term.copy();
        DMatrixRMaj next = new DMatrixRMaj(n, 1);
        for (int k = 0; k < MAX_TERMS; k++) {
            CommonOps_DSCC.mult(step, term, next);
            double largest = CommonOps_DDRM.elementMaxAbs(next);
            if (!Double.isFinite(largest)) {
                break;
            }
            CommonOps_DDRM.addEquals(total, next);
            if (largest < 1e-13) {
                return total.getData();
            }
            DMatrixRMaj swap = term;
            term = next;
            next = swap;
        }
        throw new UnprocessableException(
                "id",
                subject,
                "The stakes around '" + subject + "' form a cycle in which"
                        + " companies hold 100% or more of themselves; integrated ownership has no finite value.");
    }

    /** What node u controls: majority stakes of u and what it already controls, or SUBSIDIARY_OF, to a fixed point. */
    private static List<Control> controlled(
            String controller,
            Map<String, List<Link>> out,
            Map<String, List<String>> subsidiariesOf,
            Map<String, NodeView> nodes) {
        Set<String> group = new LinkedHashSet<>(List.of(controller));
        Map<String, Double> votes = new HashMap<>();
        Map<String, List<String>> through = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(controller));
        List<Control> control = new ArrayList<>();
        while (!queue.isEmpty()) {
            String member = queue.poll();
            for (Link l : out.getOrDefault(member, List.of())) {
                votes.merge(l.owned(), l.stakePct() / 100, Double::sum);
                through.computeIfAbsent(l.owned(), k -> new ArrayList<>()).add(member);
                if (!group.contains(l.owned()) && votes.get(l.owned()) > 0.5 + 1e-12) {
                    group.add(l.owned());
                    queue.add(l.owned());
                    control.add(new Control(
                            nodes.get(controller),
                            nodes.get(l.owned()),
                            Concentration.round(votes.get(l.owned()) * 100, 4),
                            List.copyOf(through.get(l.owned())),
                            "majority"));
                }
            }
            for (String child : subsidiariesOf.getOrDefault(member, List.of())) {
                if (group.add(child)) {
                    queue.add(child);
                    Double v = votes.get(child);
                    control.add(new Control(
                            nodes.get(controller),
                            nodes.get(child),
                            v == null ? null : Concentration.round(v * 100, 4),
                            List.copyOf(through.getOrDefault(child, List.of())),
                            "subsidiary"));
                }
            }
        }
        return control;
    }
}
