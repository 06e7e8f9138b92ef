package org.mineralsupplygraph.system;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Data sizes in settings as Spring writes them ({@code 512MB}, {@code 1GB}) and as Neo4j's own configuration does
 * ({@code 512m}, {@code 1g}, {@code 1024k}), so that {@code NEO4J_PAGE_CACHE=1g} means what a Neo4j user expects.
 */
@Component
@ConfigurationPropertiesBinding
public class Neo4jDataSizeConverter implements Converter<String, DataSize> {

    private static final Pattern NEO4J = Pattern.compile("(\\d+)\\s*([kmgt])", Pattern.CASE_INSENSITIVE);

    @Override
    public DataSize convert(String text) {
        Matcher neo4j = NEO4J.matcher(text.strip());
        if (!neo4j.matches()) {
            return DataSize.parse(text.strip());
        }
        long amount = Long.parseLong(neo4j.group(1));
        return switch (neo4j.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> DataSize.ofKilobytes(amount);
            case "m" -> DataSize.ofMegabytes(amount);
            case "g" -> DataSize.ofGigabytes(amount);
            default -> DataSize.ofTerabytes(amount);
        };
    }
}
