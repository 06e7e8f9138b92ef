package org.mineralsupplygraph.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/**
 * Errors that never reach a controller are problems too: requests the servlet container refuses (a header or URL too
 * long, a character it does not accept) and requests rejected by the security firewall or dispatched to
 * {@code /error}. Without this they would be answered as an HTML page or Spring Boot's own JSON.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemErrors {

    /** Replaces Tomcat's HTML error report (after Spring Boot has installed its own) with a problem document. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new OrderedCustomizer();
    }

    private static final class OrderedCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

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

    static String json(int status, String detail) {
        return Problems.json(Problems.of(ProblemType.forStatus(status), detail));
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
                // The same media type as every other problem (no charset parameter: JSON is UTF-8), so the body is
                // written as bytes rather than through a writer, which would add one.
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                byte[] body = (status < 500
                                ? json(
                                        status,
                                        "The server could not read the request (" + status
                                                + "): check the URL's length and characters and the headers' size.")
                                : json(status, "The request could not be answered because of an error on the server."))
                        .getBytes(StandardCharsets.UTF_8);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.finishResponse();
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
            HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                    ? HttpStatus.resolve(i)
                    : HttpStatus.NOT_FOUND;
            ProblemType type = ProblemType.forStatus(status.value());
            ProblemDetail problem = Problems.of(
                    type,
                    type == ProblemType.NOT_FOUND
                            ? "Nothing here: check the URL's path (GET /v3/api-docs lists the API's paths)."
                            : status.is4xxClientError()
                                    ? "The request was refused (" + status.value() + " " + status.getReasonPhrase()
                                            + "): check the URL's path and characters."
                                    : "The request could not be answered because of an error on the server; it has been"
                                            + " logged.");
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri != null) {
                problem.setInstance(Problems.instance(String.valueOf(uri)));
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
