package io.collectionsledger.ledger.security;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, checked against every endpoint the application actually serves: the list is
 * read from its own handler mappings, so an endpoint added without being given its roles here
 * fails this test instead of slipping through.
 */
class EndpointSecurityIT extends LedgerIT {

    private static final Set<String> EVERYONE = Set.of();
    private static final Set<String> ANY_ROLE = Set.of("service", "collector", "auditor", "analyst");
    private static final Set<String> SERVICES = Set.of("service");
    private static final Set<String> COLLECTIONS = Set.of("service", "collector");
    private static final Set<String> AUDITORS = Set.of("auditor");
    private static final Set<String> READERS = Set.of("collector", "auditor", "analyst");

    /** Who may call an endpoint, by method and path template; the first rule that matches decides. */
    private record Rule(String method, String pattern, Set<String> roles) {
    }

    private static final List<Rule> POLICY = List.of(
            new Rule("GET", "/actuator/health/**", EVERYONE),
            new Rule("GET", "/v3/api-docs*/**", EVERYONE),
            new Rule("GET", "/swagger-ui*/**", EVERYONE),
            new Rule("GET", "/asyncapi.json", EVERYONE),
            new Rule("GET", "/actuator/**", ANY_ROLE),
            new Rule("POST", "/customers/*/collector-assignments", COLLECTIONS),
            new Rule("POST", "/customers/*/credit-limits", COLLECTIONS),
            new Rule("POST", "/customers/*/invoices/*/classifications", COLLECTIONS),
            new Rule("POST", "/customers/*/contact-attempts", COLLECTIONS),
            new Rule("POST", "/customers/*/payment-promises", COLLECTIONS),
            new Rule("POST", "/customers/*/payment-plans", COLLECTIONS),
            new Rule("POST", "/customers/*/disputes/**", COLLECTIONS),
            new Rule("POST", "/customers/*/dunning-letters/**", COLLECTIONS),
            new Rule("POST", "/customers/*/guarantees", COLLECTIONS),
            new Rule("POST", "/customers/*/asset-leads", COLLECTIONS),
            new Rule("POST", "/customers/*/supply-*", COLLECTIONS),
            new Rule("POST", "/customers/*/early-warnings", COLLECTIONS),
            new Rule("POST", "/customers/*/legal-cases/**", COLLECTIONS),
            new Rule("POST", "/customers/*/invoices/*/write-offs", COLLECTIONS),
            new Rule("POST", "/customers/*/invoices/*/recoveries", COLLECTIONS),
            new Rule("POST", "/customers/**", SERVICES),
            new Rule("POST", "/imports", SERVICES),
            new Rule("POST", "/admin/**", SERVICES),
            new Rule("GET", "/customers/*/history", AUDITORS),
            new Rule("GET", "/contracts/*/history", AUDITORS),
            new Rule("GET", "/invoices/*/history", AUDITORS),
            new Rule("GET", "/legal-cases/*/history", AUDITORS),
            new Rule("GET", "/audit/**", AUDITORS),
            new Rule("GET", "/events", Set.of("service", "auditor")),
            new Rule("GET", "/customers/*/credit-decision", ANY_ROLE),
            new Rule("GET", "/customers/*/statement", READERS),
            new Rule("GET", "/customers/*/evidence-checklist", READERS),
            new Rule("GET", "/customers/*/invoices/*/evidence-checklist", READERS),
            new Rule("GET", "/aging", READERS),
            new Rule("GET", "/worklist", READERS),
            new Rule("GET", "/promise-watchlist/**", READERS),
            new Rule("GET", "/admin/read-models", READERS));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Autowired
    private ApplicationContext context;

    @Test
    void everyEndpointAnswersEachRoleAndNoTokenAsThePolicySays() {
        List<String> wrong = new ArrayList<>();
        Set<String> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            Rule rule = POLICY.stream().filter(r -> r.method().equals(method) && PATHS.match(r.pattern(), template)).findFirst()
                    .orElse(null);
            if (rule == null) {
                wrong.add(endpoint + ": no rule says who may call it; give it its roles in SecurityConfiguration and here");
                continue;
            }
            String path = template.replaceAll("\\{[^}]+}", "X-1");
            check(wrong, endpoint, method, path, null, rule.roles().isEmpty() ? "allowed" : "401");
            for (String role : ANY_ROLE) {
                boolean allowed = rule.roles().isEmpty() || rule.roles().contains(role);
                check(wrong, endpoint, method, path, role, allowed ? "allowed" : "403");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Each method and path template every handler mapping serves, e.g. "POST /customers/{customerId}/payments". */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach((RequestMappingInfo info) -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        for (String path : alternatives(pattern)) {
                            (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                                    .forEach(method -> endpoints.add(method.name() + " " + path));
                        }
                    }
                }));
        endpoints.removeIf(endpoint -> endpoint.contains("/error"));
        return endpoints;
    }

    /** A path variable restricted to alternatives, {subject:customers|invoices}, is one endpoint per alternative. */
    private static List<String> alternatives(String pattern) {
        java.util.regex.Matcher choice = java.util.regex.Pattern.compile("\\{\\w+:([\\w-]+(?:\\|[\\w-]+)+)}").matcher(pattern);
        if (!choice.find()) {
            return List.of(pattern);
        }
        List<String> paths = new ArrayList<>();
        for (String alternative : choice.group(1).split("\\|")) {
            paths.addAll(alternatives(pattern.substring(0, choice.start()) + alternative + pattern.substring(choice.end())));
        }
        return paths;
    }

    private void check(List<String> wrong, String endpoint, String method, String path, String role, String expected) {
        HttpHeaders headers = new HttpHeaders();
        if (role != null) {
            headers.setBearerAuth(Tokens.mint("policy-" + role, role));
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(Headers.IDEMPOTENCY_KEY, "policy-" + customer + "-" + role);
        // an empty command: an allowed caller is refused for what it sent, never for who it is
        int status = http.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(method.equals("POST") ? "{}" : null, headers),
                String.class).getStatusCode().value();
        boolean ok = switch (expected) {
            case "allowed" -> status != 401 && status != 403 && status < 500;
            default -> status == Integer.parseInt(expected);
        };
        if (!ok) {
            wrong.add("%s as %s: %d, expected %s".formatted(endpoint, role == null ? "no token" : role, status, expected));
        }
    }
}
