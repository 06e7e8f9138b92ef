package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.CsvForm;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import examples of README.md and docs/import-format.md, run as written against the files they name in
 * docs/examples: every list of problems they show is what the importer says of that file, every refused
 * {@code curl} answers what they show, and the documents shown as good pass the check. Nothing is written: good
 * documents are only checked, bad ones are refused whole.
 */
@GraphTest
class DocumentedExamplesTest {

    private static final Path README = Path.of("README.md");
    private static final Path IMPORT_FORMAT = Path.of("docs/import-format.md");
    private static final Path EXAMPLES = Path.of("docs/examples");
    private static final Pattern DATA_SET_PROBLEMS =
            Pattern.compile("Data set (\\S+) has \\d+ problems; nothing of it was written:");
    private static final Pattern CURL_IMPORT = Pattern.compile("\\$ curl -s -X POST localhost:8080/api/import .*");
    private static final Pattern FILE_ARGUMENT = Pattern.compile("(?:(\\w+)=)?@(\\S+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    GraphImporter importer;

    @Test
    void everyListOfProblemsShownIsTheImportersOwn() throws IOException {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Path doc : List.of(README, IMPORT_FORMAT)) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher start = DATA_SET_PROBLEMS.matcher(lines.get(i));
                if (start.matches()) {
                    StringBuilder block = new StringBuilder(lines.get(i));
                    for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("  - "); j++) {
                        block.append('\n').append(lines.get(j));
                    }
                    shown.put(start.group(1), block.toString());
                }
            }
        }
        assertThat(shown).containsKeys("broken.json", "my-deals.json");
        shown.forEach((file, problems) -> assertThatThrownBy(
                        () -> importer.check(JsonDocumentReader.read(file, EXAMPLES.resolve(file))))
                .as(file)
                .isInstanceOf(ImportException.class)
                .hasMessage(problems));
    }

    @Test
    void everyRefusedImportShownAnswersAsShown() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int refused = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!CURL_IMPORT.matcher(lines.get(i)).matches()
                    || !lines.get(i + 1).startsWith("{")
                    || !lines.get(i).contains("X-API-Key: $API_KEY")) {
                continue;
            }
            JsonNode expected = JSON.readTree(lines.get(i + 1));
            Map<String, Path> files = files(lines.get(i));
            if (expected.path("status").asInt() != 400) {
                continue;
            }
            HttpResponse<String> answer = post(lines.get(i), files);
            assertThat(answer.statusCode()).as(lines.get(i)).isEqualTo(400);
            assertThat(JSON.readTree(answer.body())).as(lines.get(i)).isEqualTo(expected);
            refused++;
        }
        assertThat(refused).as("refused imports shown in the README").isPositive();
    }

    @Test
    void theDocumentsShownAsGoodPassTheCheck() throws IOException {
        ImportPlan json =
                importer.check(JsonDocumentReader.read("my-network.json", EXAMPLES.resolve("my-network.json")));
        assertThat(json.nodes()).isEqualTo(1);
        assertThat(json.relationships()).isEqualTo(2);
        ImportPlan csv = importer.check(
                CsvDocumentReader.read(EXAMPLES.resolve("nodes.csv"), EXAMPLES.resolve("relationships.csv")));
        assertThat(csv.nodes()).isEqualTo(2);
        assertThat(csv.relationships()).isEqualTo(2);
        // The CSV form's description shows the shipped files, as they are.
        String format = Files.readString(IMPORT_FORMAT);
        assertThat(format)
                .contains("```csv\n" + Files.readString(EXAMPLES.resolve("nodes.csv")) + "```")
                .contains("```csv\n" + Files.readString(EXAMPLES.resolve("relationships.csv")) + "```");
    }

    @Test
    void everyFileAnExampleNamesIsShipped() throws IOException {
        List<String> named = new ArrayList<>();
        for (Path doc : List.of(README, IMPORT_FORMAT)) {
            Matcher file = Pattern.compile("(?:@|import (?:--offline )?|file:)(docs/examples/[\\w.-]+)")
                    .matcher(Files.readString(doc));
            while (file.find()) {
                named.add(file.group(1));
            }
        }
        assertThat(named)
                .isNotEmpty()
                .allSatisfy(path -> assertThat(Path.of(path)).isRegularFile());
    }

    private static Map<String, Path> files(String curl) {
        Map<String, Path> files = new LinkedHashMap<>();
        Matcher argument = FILE_ARGUMENT.matcher(curl);
        while (argument.find()) {
            files.put(argument.group(1) == null ? "body" : argument.group(1), Path.of(argument.group(2)));
        }
        return files;
    }

    private HttpResponse<String> post(String curl, Map<String, Path> files) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import"))
                .header("X-API-Key", GraphTest.API_KEY);
        if (files.containsKey("body")) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(files.get("body")));
        } else {
            Map<String, Map.Entry<String, String>> csv = new LinkedHashMap<>();
            for (Map.Entry<String, Path> part : files.entrySet()) {
                csv.put(
                        part.getKey(),
                        Map.entry(part.getValue().getFileName().toString(), Files.readString(part.getValue())));
            }
            CsvForm form = CsvForm.of(csv);
            request.header("Content-Type", form.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
