package org.mineralsupplygraph.exposure;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mineralsupplygraph.exposure.CompanyDependencies.CountrySupply;
import org.mineralsupplygraph.exposure.CompanyDependencies.MineralSupply;
import org.mineralsupplygraph.graph.InForce;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * {@code /api/exposure} and {@code /api/companies/{id}/dependencies} as CSV (RFC 4180, UTF-8, a header row), one row
 * per dependency, for a spreadsheet: who depends on whom and where, with the deal's figures, dates and provenance and
 * the path as a sentence. Numbers as the data states them; an empty cell where it states none. The rows are those of
 * the JSON answer: for {@code /api/exposure} one page ({@code limit}, {@code cursor}; a {@code Link} header names the
 * next page).
 */
@Component
class DependencyCsv extends AbstractHttpMessageConverter<Object> {

    static final String MEDIA_TYPE = "text/csv";

    static final List<String> COLUMNS = List.of(
            "mineral",
            "company_id",
            "company",
            "basis",
            "country_id",
            "country",
            "supplier_id",
            "supplier",
            "supplier_country_id",
            "site_id",
            "site",
            "via",
            "tonnes_per_year",
            "tonnes_total",
            "share_pct",
            "stake_pct",
            "deal_type",
            "deal_from",
            "deal_to",
            "deal_start",
            "deal_end",
            "deal_source",
            "deal_evidence",
            "conflicts",
            "path");

    DependencyCsv() {
        super(StandardCharsets.UTF_8, new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @Override
    protected boolean supports(Class<?> type) {
        return ExposureResponse.class.isAssignableFrom(type) || CompanyDependencies.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is an answer format only", input);
    }

    @Override
    protected void writeInternal(Object answer, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .get()
                .print(writer);
        for (List<Object> row : rows(answer)) {
            csv.printRecord(row.stream().map(DependencyCsv::cell).toList());
        }
        csv.flush();
    }

    static List<List<Object>> rows(Object answer) {
        List<List<Object>> rows = new ArrayList<>();
        if (answer instanceof ExposureResponse exposure) {
            exposure.dependencies().forEach(d -> rows.add(row(exposure.mineral(), d)));
        } else if (answer instanceof CompanyDependencies company) {
            for (MineralSupply supply : company.minerals()) {
                for (List<CountrySupply> view : List.of(supply.byDomicile(), supply.byOrigin())) {
                    view.forEach(country -> country.dependencies()
                            .forEach(d -> rows.add(row(supply.mineral().id(), d))));
                }
            }
        }
        return rows;
    }

    private static List<Object> row(String mineral, Dependency d) {
        RelationshipView deal = d.deal();
        Map<String, Object> terms = deal == null ? Map.of() : deal.properties();
        NodeView supplierCountry = "domicile".equals(d.basis()) ? d.country() : d.supplierCountry();
        return Arrays.asList(
                mineral,
                d.company().id(),
                d.company().name(),
                d.basis(),
                id(d.country()),
                name(d.country()),
                id(d.supplier()),
                name(d.supplier()),
                id(supplierCountry),
                id(d.site()),
                name(d.site()),
                String.join(" > ", d.via()),
                d.tonnesPerYear(),
                d.tonnesTotal(),
                d.sharePct(),
                d.stakePct(),
                deal == null ? null : deal.type(),
                deal == null ? null : deal.from(),
                deal == null ? null : deal.to(),
                InForce.start(terms),
                InForce.end(terms),
                terms.get("source"),
                terms.get("evidence"),
                d.conflicts().isEmpty()
                        ? null
                        : d.conflicts().stream()
                                .map(c -> c.property() + ": " + String.join(" vs ", c.sources()))
                                .collect(Collectors.joining("; ")),
                PathSentence.of(
                        d.path().nodes(),
                        d.path().relationships(),
                        Arrays.asList(new String[d.path().nodes().size()])));
    }

    /**
     * A text that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @} first) is given
     * a leading apostrophe, as OWASP advises against CSV injection; numbers stay numbers.
     */
    static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    private static String id(NodeView node) {
        return node == null ? null : node.id();
    }

    private static String name(NodeView node) {
        return node == null ? null : node.name();
    }
}
