package org.mineralsupplygraph.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
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

    @ExceptionHandler(ParameterException.class)
    ProblemDetail parameter(ParameterException e) {
        ProblemType type = e instanceof NotFoundException
                ? ProblemType.NOT_FOUND
                : e instanceof UnprocessableException ? ProblemType.UNPROCESSABLE : ProblemType.INVALID_PARAMETER;
        ProblemDetail problem = Problems.of(type, e.getMessage());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("value", e.value());
        if (e instanceof InvalidFieldsException fields) {
            problem.setProperty("errors", fields.errors());
        }
        return problem;
    }

    @ExceptionHandler(QueryUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(QueryUnavailableException e) {
        log.warn("Query not answered: {}", e.getMessage());
        ProblemDetail problem = Problems.of(ProblemType.UNAVAILABLE, e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        ProblemDetail problem = Problems.of(
                ProblemType.INVALID_PARAMETER,
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

    /**
     * A request the container cannot read (a query parameter without a name, a bad percent-encoding) or the security
     * firewall rejects (a control character in a parameter's name): the client's fault, a 400 logged in one line.
     */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
    ProblemDetail unreadable(RuntimeException e, HttpServletRequest request) {
        log.warn("Request refused (400) for {}: {}", request.getRequestURI(), e.getMessage());
        return Problems.of(
                ProblemType.BAD_REQUEST,
                "The request's query or form could not be read: every parameter"
                        + " needs a name, names and values must be percent-encoded UTF-8, and names may not hold control"
                        + " characters.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.of(
                ProblemType.INTERNAL,
                "The request could not be answered because of an error on the server; it has been logged.");
    }

    /**
     * Spring MVC's own problems (405, 406, 413, 415 and the like) get their type and title from the catalogue instead
     * of {@code about:blank}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring MVC passes its own errors' problem as the exception's body, and none as the argument.
        ProblemDetail problem = body instanceof ProblemDetail p
                ? p
                : body == null && e instanceof ErrorResponse error ? error.getBody() : null;
        if (problem != null
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            ProblemType type = ProblemType.forStatus(statusCode.value());
            problem.setType(type.type());
            problem.setTitle(type.title());
        }
        return super.handleExceptionInternal(e, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                ProblemType.MISSING_PARAMETER, "Required parameter '" + e.getParameterName() + "' is missing.");
        problem.setProperty("parameter", e.getParameterName());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(ProblemError.ofParameter(
                        error instanceof FieldError f ? f.getField() : parameter,
                        result.getArgument() == null ? null : String.valueOf(result.getArgument()),
                        "Parameter '" + parameter + "' " + error.getDefaultMessage() + "."));
            }
        });
        String detail = errors.isEmpty() ? "Invalid request parameters." : InvalidFieldsException.detail(errors);
        ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("parameter", errors.get(0).parameter());
            problem.setProperty("value", errors.get(0).value());
        }
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
