package org.mineralsupplygraph.browser;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mineralsupplygraph.system.CypherQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The style and the guide Neo4j Browser loads after connecting ({@code browser.post_connect_cmd}). The guide's
 * queries are the files of {@code cypher/queries/}, put into the slides as they are, so that the guide runs the text
 * the tests run. Neo4j Browser fetches both from its own origin, hence the open CORS.
 */
@RestController
@Hidden
@CrossOrigin(origins = "*")
@RequestMapping("/browser-guide")
class BrowserGuideController {

    private static final Pattern QUERY = Pattern.compile("\\{\\{query:([a-z0-9-]+)}}");

    private final String guide;
    private final String style;

    BrowserGuideController(@Value("${server.port:8080}") int serverPort) {
        this.style = read("cypher/browser/style.grass");
        this.guide = fill(read("cypher/browser/guide.html")).replace("{{serverPort}}", Integer.toString(serverPort));
    }

    private static String read(String location) {
        try {
            return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + location, e);
        }
    }

    /** The guide with each {{query:name}} replaced by that query, its comment lines left out, escaped for HTML. */
    static String fill(String template) {
        Matcher placeholder = QUERY.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String query = CypherQueries.load(placeholder.group(1))
                    .lines()
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"))
                    .strip();
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(HtmlUtils.htmlEscape(query)));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    @GetMapping(value = "/guide.html", produces = MediaType.TEXT_HTML_VALUE)
    String guide() {
        return guide;
    }

    @GetMapping(value = "/style.grass", produces = "text/plain;charset=UTF-8")
    String style() {
        return style;
    }
}
