package org.mineralsupplygraph.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * A node a request names by its id, in the parameter that named it. {@link #require} looks every name of a request up
 * in one query; a name the graph does not hold is a 404 problem that says which parameter named what
 * ({@link #missing}), worded the same wherever that kind of name is asked for. Names in a request body are looked up by
 * {@link #requireFields}: a body naming what the graph does not hold is a 422 naming the field.
 *
 * @param parameter the request parameter or path variable
 * @param kind what it names
 * @param id what it said; null when the request left it out
 */
public record Named(String parameter, Kind kind, String id) {

    /** What a name stands for: the label it must carry and the sentence said when none does. */
    public enum Kind {
        NODE(List.of("Entity"), "No node with id '%s'."),
        COMPANY(List.of("Company"), "No company with id '%s'."),
        COUNTRY(List.of("Country"), "No country with code '%s'."),
        MINERAL(List.of("Mineral"), "No mineral '%s'; GET /api/minerals lists them."),
        SITE(List.of("Mine", "Facility"), "No mine or facility with id '%s'.");

        private final List<String> labels;
        private final String missing;

        Kind(List<String> labels, String missing) {
            this.labels = labels;
            this.missing = missing;
        }
    }

    private static final String LOOK_UP = """
            UNWIND $names AS name
            OPTIONAL MATCH (n:Entity {id: name.id}) WHERE any(label IN name.labels WHERE label IN labels(n))
            RETURN name.parameter AS parameter, n
            """;

    public static Named node(String parameter, String id) {
        return new Named(parameter, Kind.NODE, id);
    }

    public static Named company(String parameter, String id) {
        return new Named(parameter, Kind.COMPANY, id);
    }

    public static Named country(String parameter, String id) {
        return new Named(parameter, Kind.COUNTRY, id);
    }

    public static Named mineral(String parameter, String id) {
        return new Named(parameter, Kind.MINERAL, id);
    }

    public static Named site(String parameter, String id) {
        return new Named(parameter, Kind.SITE, id);
    }

    /** The 404 for this name, when a parameter named it. */
    public NotFoundException missing() {
        return new NotFoundException(parameter, id, kind.missing.formatted(id));
    }

    /** The 422 for this name, when a field of a request body named it. */
    public UnprocessableException unprocessable() {
        String sentence = kind.missing.formatted(id);
        return new UnprocessableException(
                parameter, id, sentence.substring(0, sentence.length() - 1) + " (field '" + parameter + "').");
    }

    /**
     * The nodes the names stand for, by parameter; names without an id are left out.
     *
     * @throws NotFoundException for the first name, in the order given, that the graph does not hold
     */
    public static Map<String, NodeView> require(TransactionContext tx, Named... names) {
        return look(tx, List.of(names), Named::missing);
    }

    /**
     * The nodes the fields of a request body name, by field; fields without an id are left out.
     *
     * @throws UnprocessableException for the first field, in the order given, that names what the graph does not hold
     */
    public static Map<String, NodeView> requireFields(TransactionContext tx, List<Named> names) {
        return look(tx, names, Named::unprocessable);
    }

    private static Map<String, NodeView> look(
            TransactionContext tx, List<Named> names, Function<Named, ParameterException> absent) {
        List<Map<String, Object>> asked = new ArrayList<>();
        for (Named name : names) {
            if (name.id != null) {
                asked.add(Map.of("parameter", name.parameter, "labels", name.kind.labels, "id", name.id));
            }
        }
        Map<String, NodeView> found = new HashMap<>();
        for (Record row : tx.run(LOOK_UP, Map.of("names", asked)).list()) {
            if (!row.get("n").isNull()) {
                found.put(row.get("parameter").asString(), GraphViews.node(row.get("n")));
            }
        }
        Map<String, NodeView> nodes = new LinkedHashMap<>();
        for (Named name : names) {
            if (name.id != null) {
                NodeView node = found.get(name.parameter);
                if (node == null) {
                    throw absent.apply(name);
                }
                nodes.put(name.parameter, node);
            }
        }
        return nodes;
    }
}
