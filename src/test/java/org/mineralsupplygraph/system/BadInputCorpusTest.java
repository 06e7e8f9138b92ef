package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A corpus of hostile and odd input against every endpoint: each answer is a 4xx problem, or a 200 for input that is
 * merely odd, never a 5xx; and the graph is the same afterwards, node for node and property for property.
 */
@GraphTest
class BadInputCorpusTest {

    /** Values put into every parameter and path segment, URL-encoded. */
    static final List<String> VALUES = List.of(
            "x' }) MATCH (n) DETACH DELETE n //",
            "\") RETURN 1 UNION MATCH (n) DETACH DELETE n //",
            "'",
            "\"",
            "\\",
            "\\u0027",
            "`n`",
            "$param",
            "日本語",
            "🪨⛏️",
            "\u0000",
            "\u0007bell\r\nX-Injected: 1",
            "A".repeat(10_000),
            "99999999999999999999",
            "-1",
            "0",
            "NaN",
            "Infinity",
            "1e309",
            "-0",
            "",
            " ",
            "null",
            "{}",
            "[]",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "%00",
            "*",
            "KR,JP");

    /** Every GET endpoint with one slot ({}) for a bad value; the other parameters are valid. */
    static final List<String> GETS = List.of(
            "/api/exposure?buyerCountry={}&mineral=lithium&sourceCountry=AU",
            "/api/exposure?buyerCountry=KR&mineral={}&sourceCountry=AU",
            "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry={}",
            "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&basis={}",
            "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&maxDepth={}",
            "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU&asOf={}",
            "/api/companies/{}/dependencies",
            "/api/companies/sk-on/dependencies?mineral={}",
            "/api/companies/sk-on/dependencies?maxDepth={}",
            "/api/paths?from={}&to=sk-on",
            "/api/paths?from=gov-jp&to=sk-on&maxDepth={}",
            "/api/paths?from=gov-jp&to=sk-on&limit={}",
            "/api/entities?q={}",
            "/api/entities?q=lithium&label={}",
            "/api/entities?q=lithium&limit={}",
            "/api/entities/{}",
            "/api/entities/{}/neighbourhood",
            "/api/entities/sk-on/neighbourhood?depth={}",
            "/api/entities/sk-on/neighbourhood?limit={}",
            "/api/agreements?country={}",
            "/api/agreements?mineral={}",
            "/api/policies?country={}",
            "/api/policies?mineral={}",
            "/api/companies?country={}",
            "/api/concentration?mineral={}",
            "/api/concentration?mineral=lithium&buyerCountry={}",
            "/api/concentration?mineral=lithium&buyerCountry=KR&basis={}",
            "/api/concentration?mineral=cobalt&asOf={}",
            "/api/ownership/{}",
            "/api/ownership/sk-on?direction={}",
            "/api/ownership/sk-on?limit={}",
            "/api/alerts?country={}",
            "/api/alerts?country=KR&asOf={}");

    /** Bodies for the POST endpoints: malformed, empty, wrong types, hostile strings, huge numbers. */
    static final List<String> BODIES = List.of(
            "",
            " ",
            "{",
            "}",
            "[",
            "null",
            "true",
            "42",
            "\"text\"",
            "[]",
            "{}",
            "{\"nodes\": [",
            "{\"nodes\": {}}",
            "{\"nodes\": [{\"label\": \"Company\", \"id\": \"x' }) DETACH DELETE n //\"}]}",
            "{\"nodes\": [{\"label\": \"Company\", \"id\": \"bad\", \"name\": \"Bad\", \"stakePct\": 1e400}]}",
            "{\"nodes\": [{\"label\": \"Company\", \"id\": \"bad\", \"name\": \"Bad\", \"source\": \"\\u0000\"}]}",
            "{\"remove\": {\"countries\": [\"x' }) MATCH (n) DETACH DELETE n //\"]}, \"mineral\": \"lithium\","
                    + " \"buyerCountry\": \"KR\"}",
            "{\"remove\": {\"companies\": [null]}, \"mineral\": \"lithium\", \"buyerCountry\": \"KR\"}",
            "{\"remove\": {\"companies\": [\"" + "a".repeat(5000) + "\"]}, \"mineral\": \"lithium\","
                    + " \"buyerCountry\": \"KR\"}",
            "{\"remove\": {\"countries\": [\"AU\"]}, \"mineral\": 7, \"buyerCountry\": \"KR\"}",
            "{\"remove\": {\"countries\": [\"AU\"]}, \"mineral\": \"lithium\", \"buyerCountry\": \"KR\","
                    + " \"asOf\": \"NaN\"}",
            "{\"remove\": {\"countries\": [\"AU\"]}, \"mineral\": \"lithium\", \"buyerCountry\": \"KR\","
                    + " \"remove\": {\"countries\": [\"CA\"]}}",
            "\u0000\u0001\u0002",
            "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");

    static final List<String> POSTS = List.of("/api/import", "/api/scenarios/disruption");

    static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded");

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Test
    void everyAnswerIsAProblemOrAnOrdinaryAnswerAndNothingChanges() {
        Api api = new Api(port);
        Map<String, Object> before = new Cypher(driver).census();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String get : GETS) {
            for (String value : VALUES) {
                String path = get.replace(
                        "{}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
                check(api.get(path), "GET " + abbreviate(path), failures);
                cases++;
            }
        }
        // Repeated parameters.
        for (String path : List.of(
                "/api/exposure?buyerCountry=KR&buyerCountry=JP&mineral=lithium&sourceCountry=AU",
                "/api/concentration?mineral=cobalt&mineral=lithium",
                "/api/alerts?country=KR&country=JP",
                "/api/ownership/sk-on?direction=owners&direction=holdings",
                "/api/paths?from=a&from=b&to=sk-on")) {
            Api.Response r = api.get(path);
            check(r, "GET " + path, failures);
            if (r.status() != 400) {
                failures.add("GET " + path + ": repeated parameter answered " + r.status());
            }
            cases++;
        }
        for (String post : POSTS) {
            for (String type : CONTENT_TYPES) {
                for (String body : BODIES) {
                    check(
                            api.post(post, type, body, Map.of("X-API-Key", GraphTest.API_KEY)),
                            "POST " + post + " " + type + " " + abbreviate(body),
                            failures);
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(100);
        assertThat(failures).as(cases + " cases").isEmpty();
        assertThat(new Cypher(driver).census()).isEqualTo(before);
    }

    private static void check(Api.Response r, String request, List<String> failures) {
        if (r.status() >= 500) {
            failures.add(request + ": " + r.status() + " " + abbreviate(r.text()));
        } else if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
            failures.add(request + ": " + r.status() + " as " + r.contentType() + " " + abbreviate(r.text()));
        } else if (r.status() != 200 && r.status() < 400) {
            failures.add(request + ": unexpected " + r.status());
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
