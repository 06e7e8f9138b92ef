package org.mineralsupplygraph.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running application over HTTP, as a user's script would, and holds every answer to {@code /api/...} to the
 * served OpenAPI document ({@link Contract}): a response the document does not describe fails the test.
 */
public final class Api {

    /** A response: status, content type and the body as JSON (null when it is not JSON). */
    public record Response(
            int status, String contentType, String text, JsonNode json, Map<String, List<String>> headers) {

        /** A header's value (the first, when given more than once), or "" when there is none. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse("");
        }

        public JsonNode get(String field) {
            return json.get(field);
        }

        public JsonNode at(String pointer) {
            return json.at(pointer);
        }

        /** The values of a field of every element of an array field, as text. */
        public List<String> texts(String array, String pointer) {
            List<String> values = new ArrayList<>();
            json.get(array).forEach(e -> values.add(e.at(pointer).asString()));
            return values;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private OpenApiInteractionValidator contract;
    private boolean contractRead;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response post(String path, String contentType, String body) {
        return send("POST", path, contentType, body, Map.of());
    }

    public Response post(String path, String contentType, String body, Map<String, String> headers) {
        return send("POST", path, contentType, body, headers);
    }

    /** Any method, with a body of the given type and extra headers. */
    public Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") ? JSON.readTree(response.body()) : null;
            return checked(
                    request.method(),
                    request.uri().getRawPath(),
                    new Response(
                            response.statusCode(),
                            type,
                            response.body(),
                            json,
                            response.headers().map()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        }
    }

    /**
     * A GET whose request target is sent byte for byte as given, over a plain socket: for targets that
     * {@link java.net.URI} refuses to build (a bad percent-encoding, a control character), as a hand-written client
     * or a fuzzer sends them.
     */
    public Response raw(String target) {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close" + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, headersEnd);
            String body = answer.substring(headersEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String type = head.lines()
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).strip())
                    .findFirst()
                    .orElse("");
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            JsonNode json = type.contains("json") ? JSON.readTree(body) : null;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            head.lines()
                    .skip(1)
                    .filter(l -> l.contains(":"))
                    .forEach(l -> headers.computeIfAbsent(
                                    l.substring(0, l.indexOf(':')).strip(), k -> new ArrayList<>())
                            .add(l.substring(l.indexOf(':') + 1).strip()));
            return checked("GET", target, new Response(status, type, body, json, headers));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + target + " failed", e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    public Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build());
    }

    /** A GET with extra headers (Accept, for example). */
    public Response get(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The response, after checking it against the served document. */
    private Response checked(String method, String pathAndQuery, Response response) {
        if (pathAndQuery.startsWith("/api/")) {
            if (!contractRead) {
                contract = Contract.of(base);
                contractRead = true;
            }
            Contract.check(contract, method, pathAndQuery, response);
        }
        return response;
    }
}
