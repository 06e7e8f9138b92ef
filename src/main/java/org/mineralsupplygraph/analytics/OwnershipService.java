package org.mineralsupplygraph.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    /**
     * The subject and its ownership network's nodes, numbered in the network's order as the rows and columns of W.
     *
     * @param holdings whether the network lies below the subject (what it holds) or above it (who holds it)
     */
    private record Network(
            String subject,
            boolean holdings,
            Map<String, NodeView> nodes,
            List<String> ids,
            Map<String, Integer> index) {

        static Network of(String subject, boolean holdings, Map<String, NodeView> nodes) {
            List<String> ids = new ArrayList<>(nodes.keySet());
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                index.put(ids.get(i), i);
            }
            return new Network(subject, holdings, nodes, ids, index);
        }

        int size() {
            return ids.size();
        }

        /** The subject's number. */
        int s() {
            return index.get(subject);
        }

        /** The key of the direct stake between the subject and another node, as {@link Accounts} keys them. */
        String directPair(String other) {
            return holdings ? Accounts.pair(subject, other) : Accounts.pair(other, subject);
        }
    }

    /**
     * The stakes of a network, one account per holder and holding (the seed article's first, then by source): those
     * counted, by pair of owner and owned; the pairs that are a SUBSIDIARY_OF; the links without a percentage; and the
     * further sources' accounts of a counted stake.
     */
    private record Accounts(
            Map<String, Link> counted,
            Set<String> subsidiaries,
            List<RelationshipView> unquantified,
            List<RelationshipView> otherAccounts) {

        private static final Comparator<Link> PREFERRED = Comparator.comparing((Link l) -> l.stakePct() == null)
                .thenComparing(l -> !SupplyContracts.SEED.equals(
                        l.relationship().properties().get("source")))
                .thenComparing(l -> String.valueOf(l.relationship().properties().get("source")))
                .thenComparing(l -> String.valueOf(l.relationship().properties().get("id")));

        static String pair(String owner, String owned) {
            return owner + "\u0000" + owned;
        }

        static Accounts of(List<Link> links) {
            Map<String, List<Link>> pairs = new LinkedHashMap<>();
            links.forEach(l -> pairs.computeIfAbsent(pair(l.owner(), l.owned()), k -> new ArrayList<>())
                    .add(l));
            Accounts accounts =
                    new Accounts(new LinkedHashMap<>(), new HashSet<>(), new ArrayList<>(), new ArrayList<>());
            pairs.forEach(accounts::add);
            return accounts;
        }

        private void add(String pair, List<Link> links) {
            List<Link> sorted = new ArrayList<>(links);
            sorted.sort(PREFERRED);
            Link preferred = sorted.get(0);
            if (sorted.stream().anyMatch(Link::subsidiary)) {
                subsidiaries.add(pair);
            }
            if (preferred.stakePct() == null) {
                sorted.forEach(l -> unquantified.add(l.relationship()));
                return;
            }
            counted.put(pair, preferred);
            sorted.stream().skip(1).forEach(l -> otherAccounts.add(l.relationship()));
        }

        Collection<Link> stakes() {
            return counted.values();
        }
    }

    /** The answer for a subject and the ownership network around it (no database needed: tested directly). */
    static OwnershipResponse compute(
            String subject, boolean holdings, Map<String, NodeView> nodes, List<Link> links, int limit) {
        Network network = Network.of(subject, holdings, nodes);
        Accounts accounts = Accounts.of(links);
        List<String> notes = overHeld(network, accounts.stakes());
        double[] integrated = integrated(network, accounts.stakes());
        OwnershipPaths paths = OwnershipPaths.walk(subject, holdings, accounts.stakes());
        notes.addAll(paths.notes());
        List<Stake> stakes = stakes(network, accounts, integrated, paths);
        double self = integrated[network.s()];
        if (self > 1e-12) {
            notes.add(nodes.get(subject).name() + " holds " + Concentration.round(self * 100, 4) + "% of itself"
                    + " through a cycle of cross-holdings; the integrated stakes count the chains around it.");
        }
        List<Control> control = control(network, accounts, notes);
        if (stakes.size() > limit) {
            notes.add("The " + limit + " largest of " + stakes.size() + " stakes are listed (limit).");
        }
        if (control.size() > limit) {
            notes.add("The first " + limit + " of " + control.size() + " control relations are listed (limit).");
        }
        return new OwnershipResponse(
                nodes.get(subject),
                holdings ? "holdings" : "owners",
                method(network, accounts),
                stakes.subList(0, Math.min(limit, stakes.size())),
                stakes.size(),
                control.subList(0, Math.min(limit, control.size())),
                accounts.unquantified(),
                accounts.otherAccounts(),
                notes);
    }

    /** Notes on the nodes whose recorded stakes add up to more than all of them: the first few named, then a count. */
    private static List<String> overHeld(Network network, Collection<Link> stakes) {
        double[] held = new double[network.size()];
        stakes.forEach(l -> held[network.index().get(l.owned())] += l.stakePct() / 100);
        List<String> notes = new ArrayList<>();
        int overHeld = 0;
        for (int j = 0; j < held.length; j++) {
            if (held[j] > 1 + 1e-9 && ++overHeld <= MAX_OVER_HELD_NOTES) {
                notes.add("The stakes recorded in "
                        + network.nodes().get(network.ids().get(j)).name() + " add up to "
                        + Concentration.round(held[j] * 100, 2) + "%, more than all of it.");
            }
        }
        if (overHeld > MAX_OVER_HELD_NOTES) {
            notes.add("The stakes recorded in " + (overHeld - MAX_OVER_HELD_NOTES) + " more of the " + held.length
                    + " nodes add up to more than 100% (" + overHeld + " in all; the first " + MAX_OVER_HELD_NOTES
                    + " are named above).");
        }
        return notes;
    }

    /** One stake per node with an integrated stake, largest first: direct, integrated and summed over the paths. */
    private static List<Stake> stakes(Network network, Accounts accounts, double[] integrated, OwnershipPaths paths) {
        List<Stake> stakes = new ArrayList<>();
        int s = network.s();
        for (int k = 0; k < network.size(); k++) {
            if (k == s || integrated[k] <= 1e-12) {
                continue;
            }
            String id = network.ids().get(k);
            Link directLink = accounts.counted().get(network.directPair(id));
            double direct = directLink == null ? 0 : directLink.stakePct() / 100;
            stakes.add(new Stake(
                    network.nodes().get(id),
                    direct > 0 ? Concentration.round(direct * 100, 4) : null,
                    Concentration.round(integrated[k] * 100, 4),
                    Concentration.round(paths.sum(id) * 100, 4),
                    paths.shown(id)));
        }
        stakes.sort(Comparator.comparingDouble(Stake::effectivePct)
                .reversed()
                .thenComparing(st -> st.node().name()));
        return stakes;
    }

    /** What the subject controls (holdings), or who controls it (owners) unless there are too many holders to try. */
    private static List<Control> control(Network network, Accounts accounts, List<String> notes) {
        OwnershipControl control = new OwnershipControl(network.nodes(), accounts.stakes(), accounts.subsidiaries());
        if (network.holdings()) {
            return control.controlledBy(network.subject());
        }
        if (network.size() - 1 > MAX_CONTROL_CANDIDATES) {
            notes.add("Control not computed: more than " + MAX_CONTROL_CANDIDATES + " holders above "
                    + network.subject() + ".");
            return new ArrayList<>();
        }
        return control.controllersOf(network.subject());
    }

    private static String method(Network network, Accounts accounts) {
        return "Integrated ownership W(I-W)^-1 over the " + network.size() + " nodes "
                + (network.holdings() ? "below" : "above") + " " + network.subject() + " ("
                + accounts.counted().size()
                + " stake(s) with a percentage): the product of the stakes along every chain,"
                + " summed; cycles of cross-holdings are summed as a converging series. Control: a chain of majority"
                + " stakes, the controlling group's stakes added, or SUBSIDIARY_OF.";
    }

    /**
     * The subject's row (holdings) or column (owners) of W(I-W)^-1 = W + W^2 + ..., summed term by term with sparse
     * products until the terms vanish: exact up to 1e-13, and linear in the stakes per term. A series that does not
     * die out means a cycle holding 100% or more of itself.
     */
    private static double[] integrated(Network network, Collection<Link> stakes) {
        int n = network.size();
        int s = network.s();
        // holdings: x W, written as W^T x; owners: W y. The first term is the subject's own column of that matrix.
        DMatrixSparseTriplet triplets = new DMatrixSparseTriplet(n, n, stakes.size());
        DMatrixRMaj term = new DMatrixRMaj(n, 1);
        for (Link l : stakes) {
            int row = network.index().get(network.holdings() ? l.owned() : l.owner());
            int column = network.index().get(network.holdings() ? l.owner() : l.owned());
            double w = l.stakePct() / 100;
            triplets.addItem(row, column, w);
            if (column == s) {
                term.set(row, 0, term.get(row, 0) + w);
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
        String subject = network.subject();
        throw new UnprocessableException(
                "id",
                subject,
                "The stakes around '" + subject + "' form a cycle in which"
                        + " companies hold 100% or more of themselves; integrated ownership has no finite value.");
    }
}
