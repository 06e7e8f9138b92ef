package org.mineralsupplygraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;

/** The one place that turns driver nodes, relationships and paths into response records. */
public final class GraphViews {

    private GraphViews() {}

    public static NodeView node(Node node) {
        List<String> labels = new ArrayList<>();
        node.labels().forEach(l -> {
            if (!GraphModel.ENTITY.equals(l)) {
                labels.add(l);
            }
        });
        Map<String, Object> properties = new TreeMap<>(node.asMap());
        String id = (String) properties.remove("id");
        String name = (String) properties.remove("name");
        if (properties.get(GraphModel.LOCATION) instanceof Point point) {
            properties.put(GraphModel.LOCATION, coordinates(point));
        }
        return new NodeView(id, labels, name, properties);
    }

    /** A WGS 84 point as JSON readers expect it: {@code {"latitude": .., "longitude": ..}}. */
    public static Map<String, Object> coordinates(Point point) {
        Map<String, Object> coordinates = new LinkedHashMap<>();
        coordinates.put("latitude", point.y());
        coordinates.put("longitude", point.x());
        return coordinates;
    }

    public static NodeView node(Value value) {
        return value == null || value.isNull() ? null : node(value.asNode());
    }

    /**
     * @param relationship a relationship
     * @param idsByElementId business ids of (at least) its two end nodes, by Neo4j element id
     */
    public static RelationshipView relationship(Relationship relationship, Map<String, String> idsByElementId) {
        return new RelationshipView(
                relationship.type(),
                idsByElementId.get(relationship.startNodeElementId()),
                idsByElementId.get(relationship.endNodeElementId()),
                new TreeMap<>(relationship.asMap()));
    }

    /** A relationship whose end ids the query returned beside it. */
    public static RelationshipView relationship(Relationship relationship, String from, String to) {
        return new RelationshipView(relationship.type(), from, to, new TreeMap<>(relationship.asMap()));
    }

    public static PathView path(Path path) {
        List<NodeView> nodes = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Node node : path.nodes()) {
            nodes.add(node(node));
            ids.put(node.elementId(), node.get("id").asString(null));
        }
        List<RelationshipView> relationships = new ArrayList<>();
        for (Relationship relationship : path.relationships()) {
            relationships.add(relationship(relationship, ids));
        }
        return new PathView(nodes, relationships);
    }

    /** A path given as its nodes in order and the relationships between them. */
    public static PathView path(List<Node> nodes, List<Relationship> relationships) {
        List<NodeView> views = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Node node : nodes) {
            views.add(node(node));
            ids.put(node.elementId(), node.get("id").asString(null));
        }
        List<RelationshipView> links = new ArrayList<>();
        for (Relationship relationship : relationships) {
            links.add(relationship(relationship, ids));
        }
        return new PathView(views, links);
    }

    /** Nodes and relationships, for drawing: relationships refer to nodes by id. */
    public static PathView graph(Iterable<Node> nodes, Iterable<Relationship> relationships) {
        Map<String, NodeView> byElementId = new LinkedHashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (Node node : nodes) {
            byElementId.putIfAbsent(node.elementId(), node(node));
            ids.put(node.elementId(), node.get("id").asString(null));
        }
        List<RelationshipView> views = new ArrayList<>();
        for (Relationship relationship : relationships) {
            views.add(relationship(relationship, ids));
        }
        return new PathView(new ArrayList<>(byElementId.values()), views);
    }
}
