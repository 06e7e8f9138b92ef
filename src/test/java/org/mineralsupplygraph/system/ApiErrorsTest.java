package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input gets a 4xx {@code application/problem+json} answer that names the parameter; unknown things get 404; text
 * that looks like Cypher is only ever a value.
 */
@GraphTest
class ApiErrorsTest {

    private static final String INJECTION = "x' }) MATCH (n) DETACH DELETE n //";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static Stream<Arguments> badRequests() {
        String exposure = "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU";
        return Stream.of(
                // missing required parameters
                Arguments.of(
                        "/api/exposure?mineral=lithium&sourceCountry=AU", 400, "buyerCountry", "missing-parameter"),
                Arguments.of("/api/exposure?buyerCountry=KR&sourceCountry=AU", 400, "mineral", "missing-parameter"),
                Arguments.of(
                        "/api/exposure?buyerCountry=KR&mineral=lithium", 400, "sourceCountry", "missing-parameter"),
                Arguments.of("/api/paths?from=sk-on", 400, "to", "missing-parameter"),
                Arguments.of("/api/entities", 400, "q", "missing-parameter"),
                // malformed values
                Arguments.of(
                        "/api/exposure?buyerCountry=KOR&mineral=lithium&sourceCountry=AU",
                        400,
                        "buyerCountry",
                        "invalid-parameter"),
                Arguments.of(
                        "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=1",
                        400,
                        "sourceCountry",
                        "invalid-parameter"),
                Arguments.of(exposure + "&basis=cheapest", 400, "basis", "invalid-parameter"),
                Arguments.of(exposure + "&maxDepth=0", 400, "maxDepth", "invalid-parameter"),
                Arguments.of(exposure + "&maxDepth=9", 400, "maxDepth", "invalid-parameter"),
                Arguments.of(exposure + "&maxDepth=four", 400, "maxDepth", "invalid-parameter"),
                Arguments.of(exposure + "&maxDepth=99999999999", 400, "maxDepth", "invalid-parameter"),
                Arguments.of(exposure + "&maxDepth=2&maxDepth=3", 400, "maxDepth", "invalid-parameter"),
                Arguments.of("/api/paths?from=sk-on&to=lithium&limit=0", 400, "limit", "invalid-parameter"),
                Arguments.of("/api/paths?from=sk-on&to=lithium&limit=1001", 400, "limit", "invalid-parameter"),
                Arguments.of("/api/paths?from=sk-on&to=lithium&maxDepth=-1", 400, "maxDepth", "invalid-parameter"),
                Arguments.of("/api/paths?from=sk-on&to=lithium&through=some", 400, "through", "invalid-parameter"),
                Arguments.of("/api/paths?from=sk-on&to=lithium&types=LIKES", 400, "types", "invalid-parameter"),
                Arguments.of("/api/paths?from=sk-on&to=lithium&types=", 400, "types", "invalid-parameter"),
                Arguments.of("/api/paths?from=" + q(INJECTION) + "&to=lithium", 400, "from", "invalid-parameter"),
                Arguments.of("/api/entities?q=lithium&limit=5000", 400, "limit", "invalid-parameter"),
                Arguments.of("/api/entities?q=lithium&label=Person", 400, "label", "invalid-parameter"),
                Arguments.of("/api/entities?q=%20%20", 400, "q", "invalid-parameter"),
                Arguments.of("/api/entities?q=" + "a".repeat(501), 400, "q", "invalid-parameter"),
                Arguments.of("/api/entities/sk-on/neighbourhood?depth=9", 400, "depth", "invalid-parameter"),
                Arguments.of("/api/entities/sk-on/neighbourhood?limit=0", 400, "limit", "invalid-parameter"),
                Arguments.of("/api/agreements?country=Japan", 400, "country", "invalid-parameter"),
                Arguments.of("/api/policies?mineral=" + q(INJECTION), 400, "mineral", "invalid-parameter"),
                Arguments.of("/api/companies?country=" + q("K'R"), 400, "country", "invalid-parameter"),
                Arguments.of("/api/companies/sk-on/dependencies?maxDepth=12", 400, "maxDepth", "invalid-parameter"),
                // unknown things
                Arguments.of(
                        "/api/exposure?buyerCountry=ZZ&mineral=lithium&sourceCountry=AU",
                        404,
                        "buyerCountry",
                        "not-found"),
                Arguments.of(
                        "/api/exposure?buyerCountry=KR&mineral=unobtainium&sourceCountry=AU",
                        404,
                        "mineral",
                        "not-found"),
                Arguments.of(
                        "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=XX",
                        404,
                        "sourceCountry",
                        "not-found"),
                Arguments.of("/api/companies/no-such-company/dependencies", 404, "id", "not-found"),
                Arguments.of("/api/companies/KR/dependencies", 404, "id", "not-found"),
                Arguments.of("/api/companies/sk-on/dependencies?mineral=kryptonite", 404, "mineral", "not-found"),
                Arguments.of("/api/paths?from=nowhere&to=lithium", 404, "from", "not-found"),
                Arguments.of("/api/paths?from=lithium&to=nowhere", 404, "to", "not-found"),
                Arguments.of("/api/entities/nowhere", 404, "id", "not-found"),
                Arguments.of("/api/entities/nowhere/neighbourhood", 404, "id", "not-found"),
                Arguments.of("/api/agreements?country=ZZ", 404, "country", "not-found"),
                Arguments.of("/api/policies?mineral=kryptonite", 404, "mineral", "not-found"),
                Arguments.of("/api/companies?country=QQ", 404, "country", "not-found"));
    }

    @ParameterizedTest(name = "{0} -> {1} naming {2}")
    @MethodSource("badRequests")
    void badInputIsAProblemNamingTheParameter(String request, int status, String parameter, String type) {
        Api.Response r = api.get(request);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.get("status").asInt()).isEqualTo(status);
        assertThat(r.get("type").asString()).isEqualTo("/problems/" + type);
        assertThat(r.get("parameter").asString()).isEqualTo(parameter);
        assertThat(r.get("detail").asString()).contains(parameter.equals("id") ? "id" : parameter);
    }

    @Test
    void textThatLooksLikeCypherIsOnlyEverAValue() {
        Map<String, Object> before = new Cypher(driver).census();

        Api.Response search = api.get("/api/entities?q=" + q(INJECTION));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.get("q").asString()).isEqualTo(INJECTION);

        for (String text :
                new String[] {"\\", "\"", "*", "AND OR NOT", "(((", "title:x", "~", "ünïcødé 🙂", "\u0007bell"}) {
            Api.Response odd = api.get("/api/entities?q=" + q(text));
            assertThat(odd.status()).as(text + ": " + odd.text()).isEqualTo(200);
        }
        assertThat(api.get("/api/entities/" + q("sk-on' OR 1=1")).status()).isEqualTo(400);

        assertThat(new Cypher(driver).census()).isEqualTo(before);
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        Api.Response r = api.get("/api/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
