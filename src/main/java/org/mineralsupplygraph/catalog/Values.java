package org.mineralsupplygraph.catalog;

import java.util.Collection;
import tools.jackson.databind.json.JsonMapper;

/** Property values as the text of graph files and CSV cells: lists as JSON arrays, numbers as Java writes them. */
final class Values {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Values() {}

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return JSON.writeValueAsString(list);
        }
        return value.toString();
    }
}
