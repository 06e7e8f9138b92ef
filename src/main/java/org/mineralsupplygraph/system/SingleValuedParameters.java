package org.mineralsupplygraph.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter given twice ({@code maxDepth=2&maxDepth=3}) is refused with 400 naming it, rather than silently
 * answered with one of its values.
 */
@Configuration(proxyBeanMethods = false)
class SingleValuedParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1) {
                throw new InvalidParameterException(parameter.getKey(), String.join(",", parameter.getValue()),
                        "Parameter '" + parameter.getKey() + "' is given " + parameter.getValue().length
                                + " times; give it once.");
            }
        }
        return true;
    }
}
