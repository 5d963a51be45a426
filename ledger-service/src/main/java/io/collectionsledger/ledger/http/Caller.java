package io.collectionsledger.ledger.http;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Optional;

/**
 * Who is calling, as the verified token says: the client (the calling service or application,
 * which scopes command ids), the principal who acts, and the roles the token grants.
 */
public record Caller(String clientId, String principal, List<String> roles) {

    /** The caller of the current request; a request without a verified token never gets this far. */
    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    /** The caller an authentication names, if it is a verified token. */
    public static Optional<Caller> of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            return Optional.empty();
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5)).sorted().toList();
        return Optional.of(new Caller(clientOf(token), token.getSubject(), roles));
    }

    /** OAuth2 client credentials name the client in client_id (RFC 9068) or azp; a user's token only in sub. */
    private static String clientOf(Jwt token) {
        for (String claim : List.of("client_id", "azp")) {
            String value = token.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return token.getSubject();
    }
}
