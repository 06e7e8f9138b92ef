package org.mineralsupplygraph.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one factory and writer of problem documents. Spring MVC's advice returns what {@link #of} makes; the places that
 * answer before or outside Spring MVC (the security filters, the container's error report) write it with
 * {@link #write}, in the same members and order and with the same media type, {@code application/problem+json}.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** A problem of a catalogued type, with the detail a user can act on. */
    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    /** A problem of a catalogued type about one parameter (or header, field) and the value given. */
    public static ProblemDetail about(ProblemType type, String detail, String parameter, String value) {
        ProblemDetail problem = of(type, detail);
        problem.setProperty("parameter", parameter);
        if (value != null) {
            problem.setProperty("value", value);
        }
        return problem;
    }

    /** The path a problem is about, with any character a URI cannot hold replaced. */
    public static URI instance(String path) {
        return URI.create(path.replaceAll("[^A-Za-z0-9/._~%-]", "_"));
    }

    /** The document's members in the order Spring MVC writes them: detail, instance, status, title, type, then the rest. */
    static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        members.put("status", problem.getStatus());
        members.put("title", problem.getTitle());
        members.put("type", problem.getType().toString());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    /** Writes a problem as the response (status, media type, body), for the places outside Spring MVC. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = JSON.writeValueAsBytes(members(problem));
        response.setContentLength(body.length);
        OutputStream out = response.getOutputStream();
        out.write(body);
        out.flush();
    }

    /** A problem as JSON text (the container's error report writes it through its own writer). */
    static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(members(problem));
    }
}
