package org.mineralsupplygraph.catalog;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The home page (what the graph holds, and where to go from here) and the map page's address. */
@Controller
@Hidden
class HomeController {

    private final CatalogService catalog;
    private final String browser;

    HomeController(
            CatalogService catalog,
            @org.springframework.beans.factory.annotation.Value("${supplygraph.embedded.http-port:7474}")
                    int httpPort) {
        this.catalog = catalog;
        this.browser = "http://localhost:" + httpPort + "/browser/";
    }

    @GetMapping("/map")
    String map() {
        return "forward:/map/index.html";
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String home() {
        Map<String, Long> counts = catalog.countsByLabel();
        StringBuilder rows = new StringBuilder();
        counts.forEach((label, count) -> rows.append("<tr><td>")
                .append(label)
                .append("</td><td class=n>")
                .append(String.format(Locale.ENGLISH, "%,d", count))
                .append("</td></tr>\n"));
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Mineral Supply Graph</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font:15px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}
                table{border-collapse:collapse}td{padding:.1em 1em .1em 0}td.n{text-align:right}
                code{background:#f3f3f3;padding:0 .2em}</style></head>
                <body>
                <h1>Mineral Supply Graph</h1>
                <p>Critical-mineral supply networks as a graph: companies, governments and agencies, mines, facilities,
                minerals, agreements and policies, linked by stakes, supply contracts and treaties, every fact with its
                source.</p>
                <ul>
                <li><a href="/map">The map</a>: where the ore is (world production, sites) and how it flows to the
                buyers' countries</li>
                <li><a href="/swagger-ui/index.html">Swagger UI</a>: every endpoint, to try (<a href="/v3/api-docs">OpenAPI
                document</a>)</li>
                <li><a href="%s">Neo4j Browser</a> (the embedded database's): the graph itself, with the project's
                guide</li>
                <li><a href="/api/conflicts">Where the sources disagree</a></li>
                </ul>
                <h2>First questions</h2>
                <ul>
                <li><a href="/api/exposure?buyerCountry=KR&amp;mineral=lithium&amp;sourceCountry=AU">Which Korean firms
                depend on Australian lithium?</a></li>
                <li><a href="/api/exposure?buyerCountry=JP&amp;mineral=rare-earths&amp;sourceCountry=MY&amp;basis=origin">Which
                Japanese firms depend on rare earths processed in Malaysia?</a></li>
                <li><a href="/api/concentration?mineral=lithium&amp;buyerCountry=KR">How concentrated is Korea's lithium
                by origin?</a></li>
                <li><a href="/api/alerts?country=KR">What to warn Korea about</a></li>
                </ul>
                <h2>What the graph holds</h2>
                <table><tbody>
                %s</tbody></table>
                </body></html>
                """.formatted(browser, rows);
    }
}
