package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.nio.charset.StandardCharsets;

import static io.collectionsledger.ledger.security.Role.analyst;
import static io.collectionsledger.ledger.security.Role.auditor;
import static io.collectionsledger.ledger.security.Role.collector;
import static io.collectionsledger.ledger.security.Role.service;

/**
 * Who may do what. Every endpoint needs a verified bearer token with a role, except the health
 * probes and the API's description; an endpoint no rule names is refused to everyone, so a new
 * one is closed until it is given its roles here (EndpointSecurityIT enumerates them all).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Commands about collecting an overdue debt: collectors may send them as well as services. */
    private static final String[] COLLECTION_COMMANDS = {
            "/customers/*/collector-assignments", "/customers/*/credit-limits", "/customers/*/invoices/*/classifications",
            "/customers/*/contact-attempts", "/customers/*/payment-promises", "/customers/*/payment-plans",
            "/customers/*/disputes", "/customers/*/disputes/*/resolution", "/customers/*/dunning-letters",
            "/customers/*/dunning-letters/*/delivery", "/customers/*/guarantees", "/customers/*/asset-leads",
            "/customers/*/supply-suspensions", "/customers/*/supply-resumptions", "/customers/*/early-warnings",
            "/customers/*/legal-cases", "/customers/*/legal-cases/*/steps", "/customers/*/invoices/*/write-offs",
            "/customers/*/invoices/*/recoveries"};
    private static final String[] HISTORY = {
            "/customers/*/history", "/contracts/*/history", "/invoices/*/history", "/legal-cases/*/history", "/audit/**"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessLog accessLog, ObjectMapper mapper) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())   // no cookies, no sessions: a bearer token cannot be forged cross-site
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/asyncapi.json").permitAll()
                        .requestMatchers(HttpMethod.GET, "/events").hasAnyRole(names(service, auditor))
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasAnyRole(names(service, collector, auditor, analyst))
                        .requestMatchers(HttpMethod.POST, COLLECTION_COMMANDS).hasAnyRole(names(service, collector))
                        .requestMatchers(HttpMethod.POST, "/customers", "/customers/**", "/imports", "/admin/**").hasRole(service.name())
                        .requestMatchers(HttpMethod.GET, HISTORY).hasRole(auditor.name())
                        .requestMatchers(HttpMethod.GET, "/customers/*/credit-decision").hasAnyRole(names(service, collector, auditor, analyst))
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(names(collector, auditor, analyst))
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, e) -> problem(mapper, response, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "Unauthenticated", "a valid bearer token is required: " + e.getMessage()))
                        .accessDeniedHandler((request, response, e) -> problem(mapper, response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "the token's roles do not allow " + request.getMethod() + " " + request.getRequestURI())))
                .addFilterAfter(new AccessLogFilter(accessLog), BearerTokenAuthenticationFilter.class)
                .build();
    }

    /**
     * The rules' paths matched as path patterns on the request's path. Without this bean Spring
     * Security asks Spring MVC, for every rule it tries, which handler would take the request: a
     * fifth of a command's CPU under load (docs/performance.md). Spring MVC matches no trailing
     * slash and no suffix either, so both see the same paths (EndpointSecurityIT checks every endpoint).
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        return new VerifiedTokens(verifier(properties, resourceServer), Clock.systemUTC(), Ticker.systemTicker());
    }

    /** A shared HS256 secret when set; otherwise Spring Boot's decoder for the configured issuer or key set. */
    private static JwtDecoder verifier(SecurityProperties properties, ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            byte[] key = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException("LEDGER_SECURITY_JWT_SECRET must be at least 32 bytes for HS256");
            }
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
        }
        OAuth2ResourceServerProperties.Jwt issuer = resourceServer.getObject().getJwt();
        if (issuer.getJwkSetUri() != null) {
            return NimbusJwtDecoder.withJwkSetUri(issuer.getJwkSetUri()).build();
        }
        if (issuer.getIssuerUri() != null) {
            return JwtDecoders.fromIssuerLocation(issuer.getIssuerUri());
        }
        throw new IllegalStateException("no way to verify tokens: set LEDGER_SECURITY_JWT_SECRET (HS256, at least 32 bytes) "
                + "or SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    private static String[] names(Role... roles) {
        return java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    private static void problem(ObjectMapper mapper, jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
                                String code, String title, String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        mapper.writeValue(response.getOutputStream(), Problems.of(status, code, title, detail));
    }
}
