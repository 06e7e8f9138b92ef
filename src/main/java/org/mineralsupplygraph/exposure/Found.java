package org.mineralsupplygraph.exposure;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;

/**
 * One dependency as a supply-path query found it, before its evidence is read: what is needed to count, summarise and
 * order it. Found three ways: walked whole (supply-paths.cypher), a head with a tail of the supply reach held as ids
 * (supply-reach-paths.cypher), or a supply route held as its row of text (supply-routes.cypher); {@link SupplyPaths}
 * and {@link SupplyRoutes} read the evidence of the ones an answer shows.
 */
public final class Found {

    /** The total order of dependencies: company, basis, supplier, site, length, then ids (stable across calls). */
    public static final Comparator<Found> ORDER = Comparator.comparing((Found d) -> d.company.name())
            .thenComparing(d -> d.company.id())
            .thenComparing(d -> d.basis)
            .thenComparing(d -> d.supplier.name())
            .thenComparing(d -> d.site() == null ? "" : d.site().name())
            .thenComparingInt(Found::length)
            .thenComparing(Found::dealId)
            .thenComparing(d -> d.site() == null ? "" : d.site().id())
            .thenComparing(d -> d.country.id())
            .thenComparing(d -> String.join(",", d.minerals));

    final NodeView company;
    final String basis;
    /** The deal as the driver gave it (walk and reach), or null (a route, or a site the company holds). */
    final Relationship deal;

    final String dealType;
    final String dealId;
    final Number tonnesPerYear;
    final NodeView supplier;
    /** The deal's counterparty: the supplier, or the mine or facility whose supplier company it is. */
    final NodeView counterparty;

    final NodeView end;
    final NodeView country;
    final List<String> minerals;
    final int length;
    /** Found in the supply reach: the head, and the tail as ids. */
    final List<Node> headNodes;

    final List<Relationship> headRels;
    final List<String> tailNodes;
    final List<String> tailTypes;
    final List<String> tailRels;
    /** When walked: the whole path. */
    final List<Node> walkedNodes;

    final List<Relationship> walkedRels;
    /** A supply route's element id, by which its evidence is read. */
    final String route;
    /**
     * A supply route's word on the supplier's own sites (domicile basis): 'elsewhere' when some lie outside the
     * country, 'here' when all lie in it, '' when it has none; null when not a route.
     */
    final String sites;
    /** Whether other sources give accounts of the route's deal (null when not a route: unknown). */
    final Boolean accounts;
    /** A supply route's supplier's home country on the origin basis ('' when none), or null when not a route. */
    final String supplierCountry;
    /** A supply route that is a holding: a chain of stakes, ownership and operation down to the site. */
    final boolean holding;
    /** A holding route's stake in the site (the product down the chain), or null when a hop states none. */
    final Double holdingStake;
    /** A holding route's first hop that states no stake, in words, or null. */
    final String holdingMissing;
    /** A supply route's deal's element id, or null when not a route. */
    final String dealElement;
    /** A supply route's supplier's home country by id and name, or null. */
    final NodeView supplierHome;

    /** A row of supply-paths.cypher (walked) or supply-reach-paths.cypher. */
    Found(Record row, boolean walked) {
        this.basis = row.get("basis").asString();
        this.deal = row.get("deal").isNull() ? null : row.get("deal").asRelationship();
        this.dealType = deal == null ? null : deal.type();
        this.dealId = deal == null ? "" : deal.get("id").asString("");
        this.tonnesPerYear = deal == null
                        || deal.get("tonnesPerYear").isNull()
                        || !(deal.get("tonnesPerYear").asObject() instanceof Number n)
                ? null
                : n;
        this.supplier = GraphViews.node(row.get("supplier"));
        this.counterparty = GraphViews.node(row.get("counterparty"));
        this.end = GraphViews.node(row.get("end"));
        this.country = GraphViews.node(row.get("country"));
        this.minerals = row.get("minerals").asList(Value::asString).stream()
                .sorted()
                .distinct()
                .toList();
        this.route = null;
        this.sites = null;
        this.accounts = null;
        this.supplierCountry = null;
        this.holding = false;
        this.holdingStake = null;
        this.holdingMissing = null;
        this.dealElement = null;
        this.supplierHome = null;
        if (walked) {
            this.walkedNodes = row.get("nodes").asList(Value::asNode);
            this.walkedRels = row.get("relationships").asList(Value::asRelationship);
            this.company = GraphViews.node(walkedNodes.get(0));
            this.headNodes = null;
            this.headRels = null;
            this.tailNodes = null;
            this.tailTypes = null;
            this.tailRels = null;
            this.length = walkedRels.size();
        } else {
            this.headNodes = row.get("headNodes").asList(Value::asNode);
            this.headRels = row.get("headRels").asList(Value::asRelationship);
            this.company = GraphViews.node(headNodes.get(0));
            this.tailNodes = row.get("tailNodes").asList(Value::asString);
            this.tailTypes = row.get("tailTypes").asList(Value::asString);
            this.tailRels = row.get("tailRels").asList(Value::asString);
            this.walkedNodes = null;
            this.walkedRels = null;
            this.length = headRels.size() + tailRels.size();
        }
    }

    /**
     * A row of supply-routes.cypher: its fields as the route build writes them (buyer, buyer's name, basis, supplier,
     * supplier's name, counterparty, end, end's name, country, deal type, deal id, tonnesPerYear, length, the
     * supplier's sites, accounts, the supplier's country, 'holding' or '', the holding's stake, the hop that states
     * none, the deal's element id). A supply holding's row has the same fields.
     *
     * @param countries the countries' names by id
     */
    Found(String[] row, String route, String mineral, Map<String, String> countries) {
        this.company = named(row[0], row[1], "Company");
        this.basis = row[2];
        this.supplier = named(row[3], row[4], null);
        this.counterparty = row[5].equals(row[3]) ? supplier : named(row[5], null, null);
        this.end = row[6].equals(row[3]) ? supplier : named(row[6], row[7], null);
        this.country = named(row[8], countries.getOrDefault(row[8], row[8]), "Country");
        this.deal = null;
        this.dealType = row[9];
        this.dealId = row[10];
        this.tonnesPerYear = row[11].isEmpty() ? null : Double.valueOf(row[11]);
        this.length = Integer.parseInt(row[12]);
        this.minerals = List.of(mineral);
        this.route = route;
        this.sites = row[13];
        this.accounts = !row[14].isEmpty();
        this.supplierCountry = row[15];
        this.holding = !row[16].isEmpty();
        this.holdingStake = row[17].isEmpty() ? null : Double.valueOf(row[17]);
        this.holdingMissing = row[18].isEmpty() ? null : row[18];
        this.dealElement = row[19];
        this.supplierHome =
                row[15].isEmpty() ? null : named(row[15], countries.getOrDefault(row[15], row[15]), "Country");
        this.headNodes = null;
        this.headRels = null;
        this.tailNodes = null;
        this.tailTypes = null;
        this.tailRels = null;
        this.walkedNodes = null;
        this.walkedRels = null;
    }

    private static NodeView named(String id, String name, String label) {
        return new NodeView(id, label == null ? List.of() : List.of(label), name, Map.of());
    }

    public NodeView company() {
        return company;
    }

    /** The deal's counterparty: the supplier, or the mine or facility dealt with directly. */
    public NodeView counterparty() {
        return counterparty;
    }

    /** Whether the deal is the company's own (signed by it, not by a subsidiary down a chain). */
    public boolean ownDeal() {
        if (route != null) {
            throw new IllegalStateException("a route's head is read with its evidence");
        }
        List<Relationship> rels = walkedRels != null ? walkedRels : headRels;
        return deal != null && !rels.isEmpty() && rels.get(0).elementId().equals(deal.elementId());
    }

    /** A property of the deal (its type under "type"), or null; walked and reach answers only. */
    public Object dealValue(String key) {
        if (deal == null) {
            return null;
        }
        return key.equals("type")
                ? deal.type()
                : deal.get(key).isNull() ? null : deal.get(key).asObject();
    }

    public String basis() {
        return basis;
    }

    public NodeView supplier() {
        return supplier;
    }

    /**
     * Whether this is the domicile of a mine's or facility's supplier company (its operator, else its majority
     * owner), for a deal made with the site itself.
     */
    public boolean throughSiteOperator() {
        return "domicile".equals(basis) && !counterparty.id().equals(supplier.id());
    }

    /** The mine or facility, on the origin basis; null on the domicile basis. */
    public NodeView site() {
        return "domicile".equals(basis) ? null : end;
    }

    public NodeView country() {
        return country;
    }

    public List<String> minerals() {
        return minerals;
    }

    /** Whether the deal is a supply contract (OFFTAKE) rather than a stake. */
    public boolean isOfftake() {
        return "OFFTAKE".equals(dealType);
    }

    /**
     * Whether this may be a holding of a site: on the origin basis, reached by a stake or with no deal at all
     * (the company's own or its subsidiaries' site). The whole path decides (analytics.Holding).
     */
    public boolean mayBeHolding() {
        return "origin".equals(basis) && (dealType == null || "INVESTS_IN".equals(dealType));
    }

    public String dealId() {
        return dealId;
    }

    /** The deal's stated tonnes a year, or null. */
    public Number tonnesPerYear() {
        return tonnesPerYear;
    }

    public int length() {
        return length;
    }

    /** The deal's relationship type, or null for a walked site the company holds without one. */
    public String dealType() {
        return dealType;
    }

    /** A supply route's or holding's element id, by which its evidence is read; null for walked answers. */
    public String route() {
        return route;
    }

    /** A supply route's or holding's supplier's home country id on the origin basis, '' when none; else null. */
    public String supplierCountryId() {
        return supplierCountry;
    }

    /** A supply route's or holding's supplier's home country (by id and name) on the origin basis, or null. */
    public NodeView supplierHome() {
        return supplierHome;
    }

    /** Whether a supply route or holding is a holding chain down to its site. */
    public boolean holding() {
        return holding;
    }

    /** A holding route's stake in its site, a fraction, or null when a hop states none. */
    public Double holdingStake() {
        return holdingStake;
    }

    /** A holding route's first hop that states no stake, in words, or null. */
    public String holdingMissing() {
        return holdingMissing;
    }
}
