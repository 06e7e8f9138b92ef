package org.mineralsupplygraph.system;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The catalogue of problem types the API answers with (RFC 9457): one type URI, title and status each. Every problem
 * document is made from one of these by {@link Problems}, whoever writes it (the controllers' advice, the security
 * filters, the error page, the container's error report).
 */
public enum ProblemType {
    INVALID_PARAMETER("/problems/invalid-parameter", "Invalid parameter", HttpStatus.BAD_REQUEST),
    MISSING_PARAMETER("/problems/missing-parameter", "Missing parameter", HttpStatus.BAD_REQUEST),
    /** A request the container or the security firewall cannot read: its URL, encoding or headers. */
    BAD_REQUEST("/problems/bad-request", "Bad request", HttpStatus.BAD_REQUEST),
    INVALID_DOCUMENT("/problems/invalid-document", "Invalid document", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("/problems/unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("/problems/forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("/problems/not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("/problems/method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("/problems/not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    TOO_LARGE("/problems/too-large", "Too large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(
            "/problems/unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    UNPROCESSABLE("/problems/unprocessable", "Unprocessable request", HttpStatus.UNPROCESSABLE_CONTENT),
    UNAVAILABLE("/problems/unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL("/problems/internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    private final URI type;
    private final String title;
    private final HttpStatus status;

    ProblemType(String type, String title, HttpStatus status) {
        this.type = URI.create(type);
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The type for a status without a more precise one: its own where the catalogue has it, else bad request. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
