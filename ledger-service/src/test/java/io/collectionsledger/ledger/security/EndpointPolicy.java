package io.collectionsledger.ledger.security;

import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.Set;

/**
 * Who may call each endpoint, written out apart from the application's own rules:
 * {@link EndpointSecurityIT} holds every endpoint the application serves to it, and the command
 * routes' roles are checked against it too.
 */
public final class EndpointPolicy {

    private static final Set<String> EVERYONE = Set.of();
    static final Set<String> ANY_ROLE = Set.of("service", "collector", "auditor", "analyst");
    private static final Set<String> SERVICES = Set.of("service");
    private static final Set<String> COLLECTIONS = Set.of("service", "collector");
    private static final Set<String> AUDITORS = Set.of("auditor");
    private static final Set<String> READERS = Set.of("collector", "auditor", "analyst");

    /** Who may call an endpoint, by method and path template; the first rule that matches decides. */
    private record Rule(String method, String pattern, Set<String> roles) {
    }

    private static final List<Rule> POLICY = List.of(
            new Rule("GET", "/livez", EVERYONE),
            new Rule("GET", "/readyz", EVERYONE),
            new Rule("GET", "/v3/api-docs*/**", EVERYONE),
            new Rule("GET", "/swagger-ui*/**", EVERYONE),
            new Rule("GET", "/asyncapi.json", EVERYONE),
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
            new Rule("POST", "/customers/*/responsible-person-changes", COLLECTIONS),
            new Rule("POST", "/customers/*/correspondence-address", COLLECTIONS),
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
            new Rule("GET", "/customers/*/credit-decision.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/dunning-letters/*/draft", COLLECTIONS),
            new Rule("GET", "/customers/*/dunning-letters/*/document", READERS),
            new Rule("GET", "/customers", ANY_ROLE),
            new Rule("GET", "/customers.csv", ANY_ROLE),
            new Rule("GET", "/customers/*", ANY_ROLE),
            new Rule("GET", "/customers/*/contracts", ANY_ROLE),
            new Rule("GET", "/customers/*/contracts.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/contracts/*", ANY_ROLE),
            new Rule("GET", "/customers/*/deliveries", ANY_ROLE),
            new Rule("GET", "/customers/*/deliveries.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/deliveries/*", ANY_ROLE),
            new Rule("GET", "/customers/*/invoices", ANY_ROLE),
            new Rule("GET", "/customers/*/invoices.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/invoices/*", ANY_ROLE),
            new Rule("GET", "/customers/*/payments", ANY_ROLE),
            new Rule("GET", "/customers/*/payments.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/payments/*", ANY_ROLE),
            new Rule("GET", "/customers/*/payment-promises", ANY_ROLE),
            new Rule("GET", "/customers/*/payment-promises.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/payment-promises/*", ANY_ROLE),
            new Rule("GET", "/customers/*/payment-plans", ANY_ROLE),
            new Rule("GET", "/customers/*/payment-plans.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/payment-plans/*", ANY_ROLE),
            new Rule("GET", "/customers/*/disputes", ANY_ROLE),
            new Rule("GET", "/customers/*/disputes.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/disputes/*", ANY_ROLE),
            new Rule("GET", "/customers/*/dunning-letters", ANY_ROLE),
            new Rule("GET", "/customers/*/dunning-letters.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/dunning-letters/*", ANY_ROLE),
            new Rule("GET", "/customers/*/guarantees", ANY_ROLE),
            new Rule("GET", "/customers/*/guarantees.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/guarantees/*", ANY_ROLE),
            new Rule("GET", "/customers/*/asset-leads", ANY_ROLE),
            new Rule("GET", "/customers/*/asset-leads.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/asset-leads/*", ANY_ROLE),
            new Rule("GET", "/customers/*/legal-cases", ANY_ROLE),
            new Rule("GET", "/customers/*/legal-cases.csv", ANY_ROLE),
            new Rule("GET", "/customers/*/legal-cases/*", ANY_ROLE),
            new Rule("GET", "/customers/*/statement", READERS),
            new Rule("GET", "/customers/*/evidence-checklist", READERS),
            new Rule("GET", "/customers/*/evidence-checklist.csv", READERS),
            new Rule("GET", "/customers/*/invoices/*/evidence-checklist", READERS),
            new Rule("GET", "/customers/*/invoices/*/evidence-checklist.csv", READERS),
            new Rule("GET", "/aging", READERS),
            new Rule("GET", "/aging.csv", READERS),
            new Rule("GET", "/worklist", READERS),
            new Rule("GET", "/worklist.csv", READERS),
            new Rule("GET", "/promise-watchlist.csv", READERS),
            new Rule("GET", "/portfolio-metrics", READERS),
            new Rule("GET", "/portfolio-metrics.csv", READERS),
            new Rule("GET", "/promise-watchlist/**", READERS),
            new Rule("GET", "/admin/read-models", READERS));

    /** The management port: health and Prometheus for the cluster without a token, the rest of the actuator with one. */
    private static final List<Rule> MANAGEMENT_POLICY = List.of(
            new Rule("GET", "/actuator/health/**", EVERYONE),
            new Rule("GET", "/actuator/prometheus", EVERYONE),
            new Rule("GET", "/actuator/**", ANY_ROLE));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private EndpointPolicy() {
    }

    /** The roles that may call the method on the path template; empty when everyone may, null when no rule says. */
    public static Set<String> rolesFor(String method, String template) {
        return rolesFor(POLICY, method, template);
    }

    /** The same on the management port. */
    public static Set<String> managementRolesFor(String method, String template) {
        return rolesFor(MANAGEMENT_POLICY, method, template);
    }

    private static Set<String> rolesFor(List<Rule> policy, String method, String template) {
        return policy.stream().filter(rule -> rule.method().equals(method) && PATHS.match(rule.pattern(), template)).findFirst()
                .map(Rule::roles).orElse(null);
    }
}
