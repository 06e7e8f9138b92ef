package org.mineralsupplygraph.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The query parameters of an API request are the operation's own, each given once: a parameter given twice
 * ({@code maxDepth=2&maxDepth=3}), one the operation does not have ({@code minral=lithium}, a typo that would
 * otherwise be ignored and answer another question) or one without a value ({@code limit=}, which would otherwise mean
 * the default) is refused with 400 naming it.
 */
@Configuration(proxyBeanMethods = false)
class SingleValuedParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** The query parameters of each handler method, from its {@link RequestParam}s. */
    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1) {
                throw new InvalidParameterException(
                        parameter.getKey(),
                        String.join(",", parameter.getValue()),
                        "Parameter '" + parameter.getKey() + "' is given " + parameter.getValue().length
                                + " times; give it once.");
            }
        }
        if (handler instanceof HandlerMethod method && request.getQueryString() != null) {
            Set<String> names = known.computeIfAbsent(method.getMethod(), m -> parameters(method));
            for (String pair : request.getQueryString().split("&")) {
                String name = name(pair);
                if (pair.isEmpty()) {
                    continue;
                }
                if (!names.contains(name)) {
                    throw new InvalidParameterException(
                            name,
                            null,
                            "Unknown parameter '" + name + "'; "
                                    + (names.isEmpty()
                                            ? "this operation takes none."
                                            : "the parameters are " + String.join(", ", names) + "."));
                }
                if (!pair.contains("=") || pair.endsWith("=")) {
                    throw new InvalidParameterException(
                            name, "", "Parameter '" + name + "' has no value; leave it" + " out or give one.");
                }
            }
        }
        return true;
    }

    private static String name(String pair) {
        String raw = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    raw, null, "The parameter name '" + raw + "' is not valid" + " percent-encoding.");
        }
    }

    private static Set<String> parameters(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : param.value();
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                names.add(name.isEmpty() ? parameter.getParameterName() : name);
            }
        }
        return names;
    }
}
