package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The USGS production file becomes Country-PRODUCES-Mineral relationships with their source and caveats. */
@SuppressWarnings("unchecked")
class ProductionFiguresReaderTest {

    @Test
    void theShippedFileBecomesOneProducesRelationshipPerRowAndOneSource() {
        ImportDocument.InMemory document = (ImportDocument.InMemory)
                DataSetReader.read(new ClassPathResource("data/usgs-mcs2025-mine-production-2024.csv"));

        assertThat(document.relationshipRecords()).hasSize(46);
        assertThat(document.sources()).singleElement().satisfies(s -> {
            assertThat(s.fields())
                    .containsEntry("id", "usgs-mcs-2025")
                    .containsEntry("kind", "statistics")
                    .containsEntry("url", "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-lithium.pdf");
            assertThat((List<Object>) s.fields().get("urls"))
                    .hasSize(5)
                    .contains("https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf");
            assertThat((String) s.fields().get("title")).startsWith("World mine production, 2024 estimates");
        });
        RawRecord first = document.relationshipRecords().get(0);
        assertThat(first.location().line()).isEqualTo(8);
        assertThat(first.fields())
                .containsEntry("from", "AU")
                .containsEntry("to", "lithium")
                .containsEntry("tonnes", "88000")
                .containsEntry("year", "2024")
                .hasEntrySatisfying("caveat", c -> assertThat((String) c).contains("withheld U.S. figure"));
        assertThat(document.relationshipRecords())
                .filteredOn(r -> "rare-earths".equals(r.fields().get("to")))
                .hasSize(9);
        assertThat(document.relationshipRecords())
                .filteredOn(r -> "nickel".equals(r.fields().get("to")))
                .allSatisfy(r -> assertThat(r.fields()).doesNotContainKey("caveat"));
    }

    @Test
    void aShortRowIsReportedWithItsLine() {
        String csv = """
                # A title
                mineral,unit,country_iso2,country,tonnes,world_total_tonnes,source,vintage
                lithium,t,AU,Australia,1,2,S,2024e
                lithium,t,CL,Chile
                """;
        assertThatThrownBy(() -> ProductionFiguresReader.read(
                        "p.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("p.csv line 4")
                .hasMessageContaining("expected 8 columns, found 4");
    }
}
