package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.http.Endpoints;
import io.collectionsledger.ledger.http.Problems;
import io.collectionsledger.ledger.http.Role;
import io.collectionsledger.ledger.web.CommandRoute;
import io.collectionsledger.ledger.web.CommandRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.collectionsledger.ledger.http.Role.analyst;
import static io.collectionsledger.ledger.http.Role.auditor;
import static io.collectionsledger.ledger.http.Role.collector;
import static io.collectionsledger.ledger.http.Role.service;

/**
 * Who may do what. Every endpoint needs a verified bearer token with a role, except the health
 * probes, Prometheus on the management port and the API's description; an endpoint no rule names
 * is refused to everyone, so a new one is closed until it is given its roles here, or a command
 * in its line of {@link CommandRoutes} (EndpointSecurityIT enumerates them all, on both ports).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final String[] HISTORY = {
            "/customers/*/history", "/contracts/*/history", "/invoices/*/history", "/legal-cases/*/history", "/audit/**"};

    /** What was recorded, read back: the services that recorded the facts read them too. */
    private static final String[] LOOKUPS = {"/customers", "/customers/*", "/customers/*/contracts", "/customers/*/contracts/*",
            "/customers/*/deliveries", "/customers/*/deliveries/*", "/customers/*/invoices", "/customers/*/invoices/*",
            "/customers/*/payments", "/customers/*/payments/*", "/customers/*/payment-promises", "/customers/*/payment-promises/*",
            "/customers/*/payment-plans", "/customers/*/payment-plans/*", "/customers/*/disputes", "/customers/*/disputes/*",
            "/customers/*/dunning-letters", "/customers/*/dunning-letters/*", "/customers/*/guarantees", "/customers/*/guarantees/*",
            "/customers/*/asset-leads", "/customers/*/asset-leads/*", "/customers/*/legal-cases", "/customers/*/legal-cases/*",
            // the lists as CSV files (query.CsvExports)
            "/customers.csv", "/customers/*/contracts.csv", "/customers/*/deliveries.csv", "/customers/*/invoices.csv",
            "/customers/*/payments.csv", "/customers/*/payment-promises.csv", "/customers/*/payment-plans.csv",
            "/customers/*/disputes.csv", "/customers/*/dunning-letters.csv", "/customers/*/guarantees.csv",
            "/customers/*/asset-leads.csv", "/customers/*/legal-cases.csv"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessLog accessLog, ObjectMapper mapper, Endpoints endpoints, Environment environment)
            throws Exception {
        ManagementPorts.requireOwnPort(environment);
        Roles roles = new Roles(endpoints);
        return http
                .csrf(csrf -> csrf.disable())   // no cookies, no sessions: a bearer token cannot be forged cross-site
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/livez", "/readyz").permitAll()
                            // on the management port only (ManagementPorts): the cluster's probes and scraper carry no user token
                            .requestMatchers(EndpointRequest.to(HealthEndpoint.class, PrometheusScrapeEndpoint.class)).permitAll()
                            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/asyncapi.json").permitAll()
                            .requestMatchers(HttpMethod.GET, "/events").access(roles.any(service, auditor))
                            .requestMatchers(HttpMethod.GET, "/actuator/**").access(roles.only(service, collector, auditor, analyst));
                    commands(requests, roles);
                    // a service that mistypes a command's path is told not-found rather than forbidden
                    requests.requestMatchers(HttpMethod.POST, "/customers/**", "/imports", "/admin/**").access(roles.any(service))
                            .requestMatchers(HttpMethod.GET, HISTORY).access(roles.any(auditor))
                            .requestMatchers(HttpMethod.GET, "/customers/*/credit-decision", "/customers/*/credit-decision.csv").access(roles.any(service, collector, auditor, analyst))
                            .requestMatchers(HttpMethod.GET, "/customers/*/dunning-letters/*/draft").access(roles.any(service, collector))
                            .requestMatchers(HttpMethod.GET, LOOKUPS).access(roles.any(service, collector, auditor, analyst))
                            .requestMatchers(HttpMethod.GET, "/**").access(roles.any(collector, auditor, analyst))
                            .anyRequest().access(roles.none());
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, e) -> problem(mapper, response, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "Unauthenticated", "a valid bearer token is required: " + e.getMessage()))
                        .accessDeniedHandler((request, response, e) -> problem(mapper, response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "the token's roles do not allow " + request.getMethod() + " " + request.getRequestURI())))
                .addFilterAfter(new AccessLogFilter(accessLog, mapper), BearerTokenAuthenticationFilter.class)
                .build();
    }

    /**
     * A path that is not normalised ({@code //}, {@code /./}, {@code /../}, {@code ;x=1}, an encoded
     * '%' or '.') or a header holding what no header may is refused by Spring Security's firewall
     * before any token is looked at; said as a problem detail, and as what it is, whatever the token.
     */
    @Bean
    RequestRejectedHandler pathsNotNormalised(ObjectMapper mapper) {
        return (request, response, e) -> {
            if (e.getMessage() != null && e.getMessage().contains("header")) {
                problem(mapper, response, HttpStatus.BAD_REQUEST, "invalid-header", "Invalid or missing header",
                        "a header's name or value holds characters no header may: control characters, or anything but printable ISO-8859-1");
            } else {
                problem(mapper, response, HttpStatus.BAD_REQUEST, "invalid-path", "Invalid path",
                        "the path must be normalised: no '//', '/./' or '/../', no ';' parameters, no encoded '%', '/', '\\' or '.'");
            }
        };
    }

    /** Who may send each command is said by its line in {@link CommandRoutes}; one rule per set of roles. */
    private static void commands(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                                 Roles roles) {
        Map<Set<Role>, List<String>> pathsByRoles = CommandRoutes.ALL.stream().collect(Collectors.groupingBy(CommandRoute::roles,
                LinkedHashMap::new, Collectors.mapping(CommandRoute::path, Collectors.toList())));
        pathsByRoles.forEach((allowed, paths) ->
                requests.requestMatchers(HttpMethod.POST, paths.toArray(String[]::new)).access(roles.any(allowed.toArray(Role[]::new))));
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

    /**
     * A shared HS256 secret when set; otherwise the configured issuer's or key set's keys. Either
     * way the token's times are checked (60 s of clock skew) and {@link TokenRules} apply; a
     * token from an issuer found by its location must also name that issuer.
     */
    private static JwtDecoder verifier(SecurityProperties properties, ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        TokenRules rules = new TokenRules(properties.issuer(), properties.audience());
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            byte[] key = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException("LEDGER_SECURITY_JWT_SECRET must be at least 32 bytes for HS256");
            }
            return validated(NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build(),
                    JwtValidators.createDefault(), rules);
        }
        OAuth2ResourceServerProperties.Jwt issuer = resourceServer.getObject().getJwt();
        if (issuer.getJwkSetUri() != null) {
            return validated(NimbusJwtDecoder.withJwkSetUri(issuer.getJwkSetUri()).build(), JwtValidators.createDefault(), rules);
        }
        if (issuer.getIssuerUri() != null) {
            return validated(NimbusJwtDecoder.withIssuerLocation(issuer.getIssuerUri()).build(),
                    JwtValidators.createDefaultWithIssuer(issuer.getIssuerUri()), rules);
        }
        throw new IllegalStateException("no way to verify tokens: set LEDGER_SECURITY_JWT_SECRET (HS256, at least 32 bytes) "
                + "or SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
    }

    private static JwtDecoder validated(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> defaults, TokenRules rules) {
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(defaults, rules));
        return decoder;
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    static void problem(ObjectMapper mapper, jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
                                String code, String title, String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        mapper.writeValue(response.getOutputStream(), Problems.of(status, code, title, detail));
    }
}
