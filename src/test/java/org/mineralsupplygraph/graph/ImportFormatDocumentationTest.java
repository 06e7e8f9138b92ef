package org.mineralsupplygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/import-format.md describes every label, relationship type and property the validator accepts. */
class ImportFormatDocumentationTest {

    @Test
    void everyLabelTypeAndPropertyOfTheModelIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/import-format.md"));
        GraphModel.labels()
                .keySet()
                .forEach(l -> assertThat(doc).as("label " + l).contains("`" + l + "`"));
        GraphModel.relationshipTypes()
                .keySet()
                .forEach(t -> assertThat(doc).as("type " + t).contains("`" + t + "`"));
        GraphModel.properties()
                .keySet()
                .forEach(p -> assertThat(doc).as("property " + p).contains("`" + p + "`"));
        GraphModel.SOURCE_KINDS.forEach(
                k -> assertThat(doc).as("source kind " + k).contains(k));
    }
}
