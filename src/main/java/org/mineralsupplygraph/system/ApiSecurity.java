package org.mineralsupplygraph.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Writes need an API key in the {@code X-API-Key} header; reads are open unless {@code OPEN_READS=false}. Without a
 * key, or with a wrong one, a write is answered 401 {@code application/problem+json} before any controller runs, so
 * nothing is written. With no key configured every write is refused, and the log says how to configure one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurity {

    public static final String HEADER = "X-API-Key";

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    @Bean
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            ApiSecurityProperties properties,
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                    ObjectProvider<RequestMappingHandlerMapping> mapping)
            throws Exception {
        List<byte[]> keys = keys(properties);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> problem(
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                keys.isEmpty()
                                        ? "Writes are switched off: no API key is configured on the server (API_KEYS)."
                                        : request.getHeader(HEADER) == null
                                                ? "This request needs an API key in the " + HEADER + " header."
                                                : "The API key in the " + HEADER + " header is not valid."))
                        .accessDeniedHandler((request, response, denied) ->
                                problem(request, response, HttpStatus.FORBIDDEN, "This request is not allowed.")))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/error")
                            .permitAll();
                    // Scenarios are computed in read transactions: a read, whatever the method.
                    auth.requestMatchers(HttpMethod.POST, "/api/scenarios/**")
                            .access((a, c) -> new AuthorizationDecision(properties.openReads()
                                    || a.get().isAuthenticated()
                                            && !(a.get() instanceof AnonymousAuthenticationToken)));
                    if (properties.openReads()) {
                        auth.requestMatchers(HttpMethod.GET, "/**").permitAll();
                        auth.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
                        auth.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    }
                    // A method the path has no operation for (POST /api/alerts, QUERY, DELETE) reaches Spring MVC,
                    // which answers 405 with an Allow header: no handler runs, and a 401 would say a key could help.
                    // Asked only of requests no rule above let through, so open reads never pay the handler look-up.
                    auth.requestMatchers(request -> methodNotAllowed(mapping.getObject(), request))
                            .permitAll();
                    auth.anyRequest().hasRole("WRITER");
                });
        if (keys.isEmpty()) {
            log.warn(
                    "No API key is configured: writes (POST /api/import) are refused with 401. To allow them, set"
                            + " API_KEYS to one or more comma-separated keys of at least {} characters (or the property"
                            + " supplygraph.security.api-keys) and send one in the {} header.",
                    ApiSecurityProperties.MIN_KEY_LENGTH,
                    HEADER);
        }
        if (!properties.openReads()) {
            log.info("Reads need an API key too (OPEN_READS=false).");
        }
        return http.build();
    }

    /** Whether Spring MVC has operations on the request's path, none of them for its method. */
    static boolean methodNotAllowed(RequestMappingHandlerMapping mapping, HttpServletRequest request) {
        Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            mapping.getHandler(request);
            return false;
        } catch (HttpRequestMethodNotSupportedException e) {
            return true;
        } catch (Exception e) {
            return false;
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
        }
    }

    /**
     * The firewall lets any method through (by default it refuses those outside a fixed list with 400, QUERY among
     * them): Spring MVC answers a method an operation does not have with 405 and the methods it does have.
     */
    @Bean
    WebSecurityCustomizer anyMethodReachesMvc() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return web -> web.httpFirewall(firewall);
    }

    /** No users: authentication is by API key only (this also keeps Spring Boot from generating a password). */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    static List<byte[]> keys(ApiSecurityProperties properties) {
        return properties.apiKeys().stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .map(k -> {
                    if (k.length() < ApiSecurityProperties.MIN_KEY_LENGTH) {
                        throw new IllegalStateException("An API key in API_KEYS (supplygraph.security.api-keys) has "
                                + k.length() + " characters; use at least " + ApiSecurityProperties.MIN_KEY_LENGTH
                                + ", for example the output of: openssl rand -hex 24");
                    }
                    return k.getBytes(StandardCharsets.UTF_8);
                })
                .toList();
    }

    static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        // Written by the one writer of problem documents, because the security filters answer before Spring MVC.
        ProblemDetail problem = Problems.about(ProblemType.forStatus(status.value()), detail, HEADER, null);
        problem.setInstance(Problems.instance(request.getRequestURI()));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        }
        Problems.write(response, problem);
    }

    /** Authenticates a request whose X-API-Key matches a configured key (compared in constant time). */
    static final class ApiKeyFilter extends OncePerRequestFilter {

        private final List<byte[]> keys;

        ApiKeyFilter(List<byte[]> keys) {
            this.keys = keys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(HEADER);
            if (given != null) {
                byte[] candidate = given.strip().getBytes(StandardCharsets.UTF_8);
                boolean valid = false;
                for (byte[] key : keys) {
                    valid |= MessageDigest.isEqual(key, candidate);
                }
                if (valid) {
                    SecurityContextHolder.getContext()
                            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                    "api-key", null, AuthorityUtils.createAuthorityList("ROLE_WRITER")));
                }
            }
            chain.doFilter(request, response);
        }
    }
}
