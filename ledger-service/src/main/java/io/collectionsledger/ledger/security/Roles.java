package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.http.Endpoints;
import io.collectionsledger.ledger.http.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The rules' decisions: a request is allowed when the token grants one of the rule's roles, and
 * also, to any verified token, when nothing serves the request's method at its path, so that
 * Spring MVC says what is wrong (404 not-found, or 405 method-not-allowed with {@code Allow})
 * instead of 403: a GET on a path that only takes POST is a wrong method whoever sends it. Without
 * a token it stays 401. Only refused requests pay for the look-up.
 */
final class Roles {

    private final Endpoints endpoints;

    Roles(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    AuthorizationManager<RequestAuthorizationContext> any(Role... roles) {
        return orUnserved(AuthorityAuthorizationManager.hasAnyRole(Arrays.stream(roles).map(Role::name).toArray(String[]::new)));
    }

    /**
     * These roles only, with no exception for paths nothing serves: the actuator's endpoints are served
     * by the management port's own application context, whose handler mappings {@link Endpoints} does
     * not see, so to it every actuator path looks unserved and any token would pass.
     */
    AuthorizationManager<RequestAuthorizationContext> only(Role... roles) {
        return AuthorityAuthorizationManager.hasAnyRole(Arrays.stream(roles).map(Role::name).toArray(String[]::new));
    }

    /** Nobody, except to hear that nothing is served there. */
    AuthorizationManager<RequestAuthorizationContext> none() {
        return orUnserved((authentication, context) -> new AuthorizationDecision(false));
    }

    private AuthorizationManager<RequestAuthorizationContext> orUnserved(AuthorizationManager<RequestAuthorizationContext> rule) {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            AuthorizationDecision decision = rule.check(authentication, context);
            if (decision != null && decision.isGranted()) {
                return decision;
            }
            Authentication caller = authentication.get();
            boolean verified = caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
            return new AuthorizationDecision(verified && !endpoints.serves(context.getRequest()));
        };
    }
}
