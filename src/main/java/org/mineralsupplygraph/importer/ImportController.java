package org.mineralsupplygraph.importer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mineralsupplygraph.system.ProblemError;
import org.mineralsupplygraph.system.ProblemType;
import org.mineralsupplygraph.system.Problems;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/import}: a document in the import format, as a JSON body or as the two CSV files of a multipart
 * form. The upload is kept in a temporary file while it is checked and written, and deleted after.
 */
@RestController
@RequestMapping("/api/import")
@Tag(name = "Import", description = "Load your own data in the import format (docs/import-format.md)")
class ImportController {

    private static final String SCHEMA = ImportFormatSchema.text();

    private final GraphImporter importer;
    private final long maxBytes;

    ImportController(GraphImporter importer, SupplyGraphProperties properties) {
        this.importer = importer;
        this.maxBytes = properties.importing().maxUploadSize().toBytes();
    }

    @GetMapping(
            value = "/schema",
            produces = {ImportFormatSchema.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary = "The JSON Schema of the import format",
            description = "Draft 2020-12, derived from the graph model; docs/import-format.md explains each field."
                    + " The importer checks more than the schema can: references to the graph, unique ids, real dates.")
    ResponseEntity<String> schema() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ImportFormatSchema.MEDIA_TYPE))
                .body(SCHEMA);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a JSON document",
            description = "Validates the whole document first: any problem answers 400 with every problem and its place"
                    + " (line and JSON pointer), and nothing is written. Then merges it: a second import of the same"
                    + " document creates nothing.")
    ImportResult importJson(HttpServletRequest request) throws IOException {
        // Refused on its declared length before a byte is read: a client that sent "Expect: 100-continue" (curl does
        // for large bodies) gets the 413 without sending the body, and the connection stays usable.
        if (request.getContentLengthLong() > maxBytes) {
            throw new UploadTooLargeException(maxBytes);
        }
        Path body = spool(request.getInputStream(), "import-", ".json");
        try {
            return importer.importDocument(JsonDocumentReader.read("request body", body));
        } finally {
            Files.deleteIfExists(body);
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import the CSV form: nodes and relationships files",
            description = "Same checks and writing as the JSON form; problems name the file and line.")
    ImportResult importCsv(
            @Parameter(description = "nodes.csv: label, id, name, then properties; Source rows declare sources")
                    @RequestPart("nodes")
                    MultipartFile nodes,
            @Parameter(description = "relationships.csv: type, from, to, then properties") @RequestPart("relationships")
                    MultipartFile relationships)
            throws IOException {
        Path nodesFile = spool(nodes.getInputStream(), "nodes-", ".csv");
        Path relationshipsFile = spool(relationships.getInputStream(), "relationships-", ".csv");
        try {
            return importer.importDocument(CsvDocumentReader.open(
                    name(nodes, "nodes.csv"),
                    () -> Files.newInputStream(nodesFile),
                    name(relationships, "relationships.csv"),
                    () -> Files.newInputStream(relationshipsFile)));
        } finally {
            Files.deleteIfExists(nodesFile);
            Files.deleteIfExists(relationshipsFile);
        }
    }

    private static String name(MultipartFile file, String fallback) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank()
                ? fallback
                : Path.of(name).getFileName().toString();
    }

    /** Copies the upload to a temporary file, refusing it past the size limit. */
    private Path spool(InputStream in, String prefix, String suffix) throws IOException {
        Path file = Files.createTempFile(prefix, suffix);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                total += read;
                if (total > maxBytes) {
                    throw new UploadTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    static final class UploadTooLargeException extends RuntimeException {
        UploadTooLargeException(long max) {
            super("The document is larger than the limit of " + max + " bytes (supplygraph.import.max-upload-size).");
        }
    }

    @ExceptionHandler(ImportException.class)
    ProblemDetail invalidDocument(ImportException e) {
        ProblemDetail problem = Problems.of(
                ProblemType.INVALID_DOCUMENT,
                "The document has " + e.total() + (e.total() == 1 ? " problem" : " problems")
                        + "; nothing of it was written."
                        + (e.total() > e.problems().size()
                                ? " The first " + e.problems().size() + " are listed."
                                : ""));
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> ProblemError.inDocument(
                                p.location().file(),
                                p.location().line(),
                                p.location().pointer(),
                                p.message()))
                        .toList());
        problem.setProperty("total", e.total());
        return problem;
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ProblemDetail tooLarge(UploadTooLargeException e) {
        return Problems.of(ProblemType.TOO_LARGE, e.getMessage());
    }
}
