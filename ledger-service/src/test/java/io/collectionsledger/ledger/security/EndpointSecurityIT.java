package io.collectionsledger.ledger.security;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, checked against every endpoint the application actually serves, on the API's
 * port and on the management port: the lists are read from its own handler mappings and actuator
 * endpoints, so an endpoint added without being given its roles in {@link EndpointPolicy} fails
 * this test instead of slipping through.
 */
class EndpointSecurityIT extends LedgerIT {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private PathMappedEndpoints actuatorEndpoints;
    @Autowired
    private HealthEndpointGroups healthGroups;
    @LocalManagementPort
    private int managementPort;

    @Test
    void everyEndpointAnswersEachRoleAndNoTokenAsThePolicySays() {
        List<String> wrong = new ArrayList<>();
        Set<String> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        checkAll(wrong, "", endpoints, EndpointPolicy::rolesFor);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theManagementPortServesHealthAndPrometheusWithoutATokenAndTheRestOfTheActuatorWithOne() {
        List<String> wrong = new ArrayList<>();
        Set<String> endpoints = actuatorEndpoints();
        assertThat(endpoints).contains("GET /actuator/prometheus", "GET /actuator/health/readiness", "GET /actuator/metrics");
        checkAll(wrong, "http://127.0.0.1:" + managementPort, endpoints, EndpointPolicy::managementRolesFor);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theApiPortServesNoActuatorEndpointWithoutAToken() {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : actuatorEndpoints()) {
            check(wrong, endpoint + " on the API's port", "GET", endpoint.substring(4), null, "401");
        }
        assertThat(wrong).isEmpty();
    }

    private void checkAll(List<String> wrong, String server, Set<String> endpoints, BiFunction<String, String, Set<String>> policy) {
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            Set<String> roles = policy.apply(method, template);
            if (roles == null) {
                wrong.add(endpoint + ": no rule says who may call it; give it its roles in SecurityConfiguration (a command: in its line of CommandRoutes) and in EndpointPolicy");
                continue;
            }
            String path = server + template.replaceAll("\\{[^}]+}", "X-1");
            check(wrong, endpoint, method, path, null, roles.isEmpty() ? "allowed" : "401");
            // a good token of another system, with roles that are not the ledger's: who it is is known, what it may do here is nothing
            check(wrong, endpoint, method, path, "", roles.isEmpty() ? "allowed" : "403");
            check(wrong, endpoint, method, path, "billing-admin", roles.isEmpty() ? "allowed" : "403");
            for (String role : EndpointPolicy.ANY_ROLE) {
                boolean allowed = roles.isEmpty() || roles.contains(role);
                check(wrong, endpoint, method, path, role, allowed ? "allowed" : "403");
            }
        }
    }

    /** The actuator's endpoints, served on the management port: each endpoint, each health group, and their links. */
    private Set<String> actuatorEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        endpoints.add("GET " + actuatorEndpoints.getBasePath());
        actuatorEndpoints.getAllPaths().forEach(path -> endpoints.add("GET " + path));
        String health = actuatorEndpoints.getPath(EndpointId.of("health"));
        healthGroups.getNames().forEach(group -> endpoints.add("GET " + health + "/" + group));
        return endpoints;
    }

    /** Each method and path template every handler mapping serves, e.g. "POST /customers/{customerId}/payments". */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        Operations.of(context).forEach(operation -> endpoints.add(operation.toString()));
        return endpoints;
    }

    private void check(List<String> wrong, String endpoint, String method, String path, String role, String expected) {
        HttpHeaders headers = new HttpHeaders();
        if (role != null) {
            headers.setBearerAuth(role.isEmpty() ? Tokens.mint("policy-no-role") : Tokens.mint("policy-" + role, role));
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
            wrong.add("%s as %s: %d, expected %s".formatted(endpoint, role == null ? "no token" : role.isEmpty() ? "a token without roles" : role,
                    status, expected));
        }
    }
}
