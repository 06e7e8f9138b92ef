package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.CsvForm;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/import with a JSON body or the two CSV files, as a user's script would call it. The test data stand apart
 * from the seed data the other tests query (headquartered in Iceland, no deal with a seed company's buyers).
 */
@GraphTest
class ImportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import"))
                        .header("Content-Type", contentType)
                        .header("X-API-Key", GraphTest.API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postCsv(String nodes, String relationships) throws Exception {
        Map<String, Map.Entry<String, String>> files = new LinkedHashMap<>();
        files.put("nodes", Map.entry("nodes.csv", nodes));
        files.put("relationships", Map.entry("relationships.csv", relationships));
        CsvForm form = CsvForm.of(files);
        return post(form.contentType(), form.body());
    }

    private List<Record> rows(String query) {
        try (Session session = driver.session()) {
            return session.run(query).list();
        }
    }

    @Test
    void aSitesCoordinatesTravelAsCsvColumnsAndAreStoredAsAPoint() throws Exception {
        String nodes = """
                label,id,name,kind,source,latitude,longitude,locationPrecision,locationNote
                Source,csv-location-test,CSV location test,user,,,,,
                Mine,csv-located-mine,Located mine,mine,csv-location-test,64.1466,-21.9426,town,Reykjavik's coordinates
                """;
        String relationships = """
                type,from,to,source,evidence
                LOCATED_IN,csv-located-mine,IS,csv-location-test,test
                """;
        try {
            HttpResponse<String> bad = postCsv(nodes.replace("64.1466", "164.1466"), relationships);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("\"file\":\"nodes.csv\",\"line\":3,\"pointer\":\"/latitude\"", "-90..90");
            assertThat(rows("MATCH (n:Entity {id: 'csv-located-mine'}) RETURN n"))
                    .isEmpty();

            assertThat(postCsv(nodes, relationships).statusCode()).isEqualTo(200);
            Record stored = rows("MATCH (n:Mine {id: 'csv-located-mine'})"
                            + " RETURN n.location AS location, n.locationPrecision AS precision, n.latitude AS latitude")
                    .get(0);
            assertThat(stored.get("location").asPoint().y()).isEqualTo(64.1466);
            assertThat(stored.get("location").asPoint().x()).isEqualTo(-21.9426);
            assertThat(stored.get("location").asPoint().srid()).isEqualTo(4326);
            assertThat(stored.get("precision").asString()).isEqualTo("town");
            assertThat(stored.get("latitude").isNull())
                    .as("the point, not the two numbers, is stored")
                    .isTrue();
        } finally {
            rows("MATCH (n:Entity) WHERE n.id IN ['csv-located-mine', 'csv-location-test'] DETACH DELETE n");
        }
    }

    @Test
    void theJsonSchemaIsServedBesideTheEndpoint() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import/schema"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/schema+json"));
        assertThat(response.body()).isEqualTo(Files.readString(Path.of("docs/import-format.schema.json")));
    }

    @Test
    void aJsonDocumentIsImportedAndImportingItAgainCreatesNothing() throws Exception {
        String document = """
                {"sources": [{"id": "api-test-notes", "kind": "user", "title": "Analyst notes"}],
                 "nodes": [{"label": "Company", "id": "api-test-batteries", "name": "API Test Batteries",
                            "source": "api-test-notes"}],
                 "relationships": [
                   {"type": "HEADQUARTERED_IN", "from": "api-test-batteries", "to": "IS", "source": "api-test-notes",
                    "evidence": "annual report"},
                   {"type": "OFFTAKE", "from": "api-test-batteries", "to": "electra", "product": "cobalt",
                    "tonnesPerYear": 5000, "source": "api-test-notes", "evidence": "call with the supplier"}]}
                """;
        HttpResponse<String> first = post("application/json", document.getBytes(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode result = json.readTree(first.body());
        assertThat(result.get("nodesCreated").asLong()).isEqualTo(2);
        assertThat(result.get("relationshipsCreated").asLong()).isEqualTo(2);
        assertThat(result.get("transactions").asInt()).isEqualTo(1);
        assertThat(result.get("millis").asLong()).isNotNegative();

        HttpResponse<String> again = post("application/json", document.getBytes(StandardCharsets.UTF_8));
        JsonNode second = json.readTree(again.body());
        assertThat(second.get("nodesCreated").asLong()).isZero();
        assertThat(second.get("relationshipsCreated").asLong()).isZero();
        assertThat(second.get("relationshipsUpdated").asLong()).isEqualTo(2);

        assertThat(new Cypher(driver)
                        .one("MATCH (:Company {id: 'api-test-batteries'})-[o:OFFTAKE]->"
                                + "(:Company {id: 'electra'}) RETURN o.tonnesPerYear")
                        .get(0)
                        .asLong())
                .isEqualTo(5000);
    }

    @Test
    void anInvalidDocumentIsA400ListingEveryProblemAndNothingIsWritten() throws Exception {
        Map<String, Object> before = new Cypher(driver).census();
        String document = """
                {"sources": [{"id": "api-test-bad", "kind": "user", "title": "Bad"}],
                 "nodes": [
                   {"label": "Company", "id": "api-test-bad-co", "name": "Bad Co", "source": "api-test-bad"},
                   {"label": "Widget", "id": "api-test-widget", "name": "W", "source": "api-test-bad"}],
                 "relationships": [
                   {"type": "INVESTS_IN", "from": "api-test-bad-co", "to": "nowhere", "stakePct": 140,
                    "source": "api-test-bad", "evidence": "e"}]}
                """;
        HttpResponse<String> response = post("application/json", document.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-document");
        assertThat(problem.get("total").asInt()).isEqualTo(3);
        assertThat(problem.get("errors").toString())
                .contains("\"pointer\":\"/nodes/1/label\"")
                .contains("unknown label 'Widget'")
                .contains("\"pointer\":\"/relationships/0/to\"")
                .contains("'nowhere' names no node")
                .contains("\"pointer\":\"/relationships/0/stakePct\"")
                .contains("0..100")
                .contains("\"line\":4")
                .contains("\"line\":6");
        assertThat(new Cypher(driver).census()).isEqualTo(before);
    }

    @Test
    void fieldsOfTheWrongJsonTypeAreProblemsAsTheSchemaSays() throws Exception {
        Map<String, Object> before = new Cypher(driver).census();
        // The CSV form writes a list as text separated by ';'; in JSON a list is an array, and a description text.
        for (String[] bad : new String[][] {
            {"{\"description\": {}, \"nodes\": []}", "'description' must be a string"},
            {
                "{\"sources\": [{\"id\": \"api-test-types\", \"kind\": \"user\", \"title\": \"T\","
                        + " \"urls\": \"https://example.org/a\"}], \"nodes\": []}",
                "'urls' must be a list of strings"
            }
        }) {
            HttpResponse<String> response = post("application/json", bad[0].getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("errors").toString())
                    .as(bad[0])
                    .contains(bad[1]);
        }
        assertThat(new Cypher(driver).census()).isEqualTo(before);
    }

    @Test
    void theCsvFormIsImportedAndItsProblemsNameTheFileAndLine() throws Exception {
        String nodes = """
                label,id,name,kind,source,url
                Source,api-test-csv,Spreadsheet of deals,user,,https://example.org/deals.xlsx
                Company,api-test-csv-co,CSV Co,company,api-test-csv,
                Company,api-test-csv-target,CSV Target,company,api-test-csv,
                """;
        String relationships = """
                type,from,to,source,evidence,stakePct
                HEADQUARTERED_IN,api-test-csv-co,IS,api-test-csv,sheet row 2,
                INVESTS_IN,api-test-csv-co,api-test-csv-target,api-test-csv,sheet row 3,12.5
                """;
        HttpResponse<String> ok = postCsv(nodes, relationships);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).get("relationshipsCreated").asLong())
                .isEqualTo(2);
        assertThat(new Cypher(driver)
                        .one(
                                "MATCH (:Company {id: 'api-test-csv-co'})-[i:INVESTS_IN]->(:Company {id: 'api-test-csv-target'})"
                                        + " RETURN i.stakePct")
                        .get(0)
                        .asDouble())
                .isEqualTo(12.5);
        assertThat(new Cypher(driver)
                        .one("MATCH (s:Source {id: 'api-test-csv'}) RETURN s.name")
                        .get(0)
                        .asString())
                .isEqualTo("Spreadsheet of deals");

        HttpResponse<String> bad = postCsv(nodes, relationships.replace("12.5", "a lot"));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(bad.body()).get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("relationships.csv");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("pointer").asString()).isEqualTo("/stakePct");
        assertThat(error.get("detail").asString()).contains("'a lot' is not a number");
    }

    @Test
    void malformedBodiesAndWrongTypesAreProblemsToo() throws Exception {
        HttpResponse<String> notJson = post("application/json", "{\"nodes\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");

        HttpResponse<String> empty = post("application/json", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> text = post("text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        String boundary = "----only-nodes";
        byte[] onlyNodes = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"nodes\"; filename=\"n.csv\"\r\n\r\n"
                        + "label,id,name\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> missingPart = post("multipart/form-data; boundary=" + boundary, onlyNodes);
        assertThat(missingPart.statusCode()).isEqualTo(400);
        assertThat(missingPart.body()).contains("relationships");
    }
}
