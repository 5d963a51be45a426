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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, checked against every endpoint the application actually serves: the list is
 * read from its own handler mappings, so an endpoint added without being given its roles in
 * {@link EndpointPolicy} fails this test instead of slipping through.
 */
class EndpointSecurityIT extends LedgerIT {

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
            Set<String> roles = EndpointPolicy.rolesFor(method, template);
            if (roles == null) {
                wrong.add(endpoint + ": no rule says who may call it; give it its roles in SecurityConfiguration (a command: in its line of CommandRoutes) and in EndpointPolicy");
                continue;
            }
            String path = template.replaceAll("\\{[^}]+}", "X-1");
            check(wrong, endpoint, method, path, null, roles.isEmpty() ? "allowed" : "401");
            for (String role : EndpointPolicy.ANY_ROLE) {
                boolean allowed = roles.isEmpty() || roles.contains(role);
                check(wrong, endpoint, method, path, role, allowed ? "allowed" : "403");
            }
        }
        assertThat(wrong).isEmpty();
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
