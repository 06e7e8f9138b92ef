package org.mineralsupplygraph.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that never reach a controller are problems too: requests the servlet container refuses (a header or URL too
 * long, a character it does not accept) and requests rejected by the security firewall or dispatched to
 * {@code /error}. Without this they would be answered as an HTML page or Spring Boot's own JSON.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemErrors {

    static final URI BAD_REQUEST = URI.create("/problems/bad-request");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Replaces Tomcat's HTML error report (after Spring Boot has installed its own) with a problem document. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new OrderedCustomizer();
    }

    private static final class OrderedCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve());
                // Otherwise the host adds Tomcat's own error report valve again when it starts.
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    static String json(int status, String detail, String instance) {
        HttpStatus resolved = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", status < 500 ? BAD_REQUEST.toString() : ApiProblems.INTERNAL.toString());
        problem.put("title", resolved == null ? "Error" : resolved.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return JSON.writeValueAsString(problem);
    }

    /** Tomcat's error report, as application/problem+json. */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(status < 500
                            ? json(status, "The server could not read the request (" + status
                                    + "): check the URL's length and characters and the headers' size.", null)
                            : json(status, "The request could not be answered because of an error on the server.",
                                    null));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the response committed: nothing more to say.
            }
        }
    }

    /** What is dispatched to /error (the security firewall's rejections among them), as a problem. */
    @Hidden
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:/error}")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // Without a status the page was asked for directly: there is nothing at /error.
            HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i)
                    : HttpStatus.NOT_FOUND;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.is4xxClientError()
                    ? "The request was refused (" + status.value() + " " + status.getReasonPhrase() + "): check the"
                            + " URL's path and characters."
                    : "The request could not be answered because of an error on the server; it has been logged.");
            problem.setType(status.is4xxClientError() ? BAD_REQUEST : ApiProblems.INTERNAL);
            problem.setTitle(status.getReasonPhrase());
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri != null) {
                problem.setInstance(URI.create(String.valueOf(uri).replaceAll("[^A-Za-z0-9/._~%-]", "_")));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
