package org.mineralsupplygraph.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The two CSV files of an import as a {@code multipart/form-data} body, as {@code curl -F nodes=@nodes.csv -F
 * relationships=@relationships.csv} sends them: one part per file, named by the form field, with the file's name.
 *
 * @param contentType the request's Content-Type, with its boundary
 * @param body the body
 */
public record CsvForm(String contentType, byte[] body) {

    /** @param files per form field (in order), the file's name and its text */
    public static CsvForm of(Map<String, Map.Entry<String, String>> files) {
        String boundary = "----csv-form-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        files.forEach((field, file) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(field)
                .append("\"; filename=\"")
                .append(file.getKey())
                .append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(file.getValue())
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return new CsvForm(
                "multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
