package org.mineralsupplygraph.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Exposure and a company's dependencies as CSV: one row per dependency, read back with a CSV reader. */
@GraphTest
class DependencyCsvTest {

    private static final String EXPOSURE = "/api/exposure?buyerCountry=KR&mineral=lithium&sourceCountry=AU";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static List<CSVRecord> read(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static List<String> header(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv))
                .getHeaderNames();
    }

    @Test
    void exposureAsCsvHasOneRowPerDependencyOfTheJsonAnswer() throws IOException {
        Api.Response json = api.get(EXPOSURE);
        Api.Response csv = api.get(EXPOSURE, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(header(csv.text())).containsExactlyElementsOf(DependencyCsv.COLUMNS);
        List<CSVRecord> rows = read(csv.text());
        JsonNode dependencies = json.get("dependencies");
        assertThat(rows).hasSize(dependencies.size()).hasSize(json.get("total").asInt());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode d = dependencies.get(i);
            assertThat(row.get("company_id")).isEqualTo(d.at("/company/id").asString());
            assertThat(row.get("basis")).isEqualTo(d.get("basis").asString());
            assertThat(row.get("supplier_id")).isEqualTo(d.at("/supplier/id").asString());
            assertThat(row.get("country_id")).isEqualTo("AU");
            assertThat(row.get("mineral")).isEqualTo("lithium");
            assertThat(row.get("deal_source"))
                    .isEqualTo(d.at("/deal/properties/source").asString(""));
            assertThat(row.get("path")).endsWith(".");
        }
        // LG Energy Solution's stake in Green Technology Metals, as the seed article gives it.
        CSVRecord stake = rows.stream()
                .filter(r -> r.get("supplier_id").equals("green-technology-metals")
                        && r.get("deal_source").equals("seed-article"))
                .findFirst()
                .orElseThrow();
        assertThat(stake.get("stake_pct")).isEqualTo("7.89");
        assertThat(stake.get("deal_type")).isEqualTo("INVESTS_IN");
        assertThat(stake.get("deal_start")).isEqualTo("2023-09");
        assertThat(stake.get("tonnes_per_year")).isEmpty();
        assertThat(stake.get("path")).isEqualTo("LG Energy Solution holds 7.89% of Green Technology Metals.");
    }

    @Test
    void formatCsvPagesWithALinkToTheNextPage() throws IOException {
        Api.Response first = api.get(EXPOSURE + "&limit=2&format=csv");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/csv");
        assertThat(read(first.text())).hasSize(2);
        String link = first.header("Link");
        assertThat(link).contains("rel=\"next\"").contains("cursor=").contains("format=csv");
        String next = link.substring(link.indexOf("/api/"), link.indexOf('>'));
        Api.Response second = api.get(next);
        Api.Response json = api.get(EXPOSURE + "&limit=2&cursor="
                + api.get(EXPOSURE + "&limit=2").get("next").asString());
        assertThat(read(second.text())).hasSize(json.get("dependencies").size());
        assertThat(read(second.text()).get(0).get("supplier_id"))
                .isEqualTo(json.at("/dependencies/0/supplier/id").asString());
    }

    @Test
    void aCompanysDependenciesAsCsvHaveOneRowPerMineralAndDependency() throws IOException {
        Api.Response json = api.get("/api/companies/lg-energy-solution/dependencies");
        Api.Response csv = api.get("/api/companies/lg-energy-solution/dependencies?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        int expected = 0;
        for (JsonNode mineral : json.get("minerals")) {
            for (String view : List.of("byDomicile", "byOrigin")) {
                for (JsonNode country : mineral.get(view)) {
                    expected += country.get("dependencies").size();
                }
            }
        }
        List<CSVRecord> rows = read(csv.text());
        assertThat(rows).hasSize(expected).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.get("company_id")).isEqualTo("lg-energy-solution"));
        // Electra's two accounts of one deal disagree: the rows say so.
        assertThat(rows)
                .filteredOn(r -> r.get("supplier_id").equals("electra")
                        && r.get("mineral").equals("cobalt"))
                .isNotEmpty()
                .anySatisfy(r -> assertThat(r.get("conflicts")).contains("tonnesTotal"));
    }

    @Test
    void aBadRequestForCsvIsStillAProblem() {
        Api.Response bad = api.get(
                "/api/exposure?buyerCountry=KRX&mineral=lithium&sourceCountry=AU", Map.of("Accept", "text/csv"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.get("parameter").asString()).isEqualTo("buyerCountry");
        Api.Response format = api.get(EXPOSURE + "&format=xml");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.get("parameter").asString()).isEqualTo("format");
    }

    @Test
    void aCellASpreadsheetWouldTakeForAFormulaIsQuoted() {
        assertThat(DependencyCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(DependencyCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(DependencyCsv.cell("LG Energy Solution")).isEqualTo("LG Energy Solution");
        assertThat(DependencyCsv.cell(-5)).isEqualTo(-5);
    }
}
