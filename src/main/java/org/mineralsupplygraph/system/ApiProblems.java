package org.mineralsupplygraph.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 {@code application/problem+json} response: a stable {@code type} per kind of error, a
 * {@code detail} a user can act on, and, for bad input, the {@code parameter} at fault (and {@code errors} when there
 * are several).
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** Problem type URIs, one per kind of error. */
    public static final URI INVALID_PARAMETER = URI.create("/problems/invalid-parameter");
    public static final URI MISSING_PARAMETER = URI.create("/problems/missing-parameter");
    public static final URI NOT_FOUND = URI.create("/problems/not-found");
    public static final URI UNPROCESSABLE = URI.create("/problems/unprocessable");
    public static final URI UNAVAILABLE = URI.create("/problems/unavailable");
    public static final URI INTERNAL = URI.create("/problems/internal-error");

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(ParameterException.class)
    ProblemDetail parameter(ParameterException e) {
        ProblemDetail problem = e instanceof NotFoundException
                ? problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage())
                : e instanceof UnprocessableException
                        ? problem(HttpStatus.UNPROCESSABLE_CONTENT, UNPROCESSABLE, "Unprocessable request",
                                e.getMessage())
                        : problem(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "Invalid parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("value", e.value());
        return problem;
    }

    @ExceptionHandler(QueryUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(QueryUnavailableException e) {
        log.warn("Query not answered: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "Service unavailable",
                e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "Invalid parameter",
                "Parameter '" + e.getName() + "' must be " + expected + ", not '" + e.getValue() + "'.");
        problem.setProperty("parameter", e.getName());
        problem.setProperty("value", String.valueOf(e.getValue()));
        return problem;
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                values.add(constant.toString());
            }
            return "one of " + String.join(", ", values);
        }
        return "a " + type.getSimpleName();
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
                "The request could not be answered because of an error on the server; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MISSING_PARAMETER, "Missing parameter",
                "Required parameter '" + e.getParameterName() + "' is missing.");
        problem.setProperty("parameter", e.getParameterName());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("parameter", error instanceof FieldError f ? f.getField() : parameter);
                entry.put("value", result.getArgument() == null ? null : String.valueOf(result.getArgument()));
                entry.put("detail", "Parameter '" + parameter + "' " + error.getDefaultMessage() + ".");
                errors.add(entry);
            }
        });
        String detail = errors.isEmpty() ? "Invalid request parameters."
                : (String) errors.get(0).get("detail") + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "Invalid parameter", detail);
        if (!errors.isEmpty()) {
            problem.setProperty("parameter", errors.get(0).get("parameter"));
            problem.setProperty("value", errors.get(0).get("value"));
        }
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
