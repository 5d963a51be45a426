package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.http.Printable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;

/**
 * What a verified token must also say before the ledger acts on it, whoever signed it: when it
 * expires (a token without {@code exp} would be good for ever), who it is ({@code sub}, and the
 * client in {@code client_id} or {@code azp} when given) in at most 128 characters with nothing
 * hidden in them, since they are written on every event and in the access log as given, and its
 * roles as a list of names; and, when configured, the issuer and an audience.
 */
final class TokenRules implements OAuth2TokenValidator<Jwt> {

    static final int MAX_NAME = 128;

    private final String issuer;
    private final String audience;

    /** @param issuer the {@code iss} every token must carry, or null for any; @param audience one of its {@code aud}, or null for any */
    TokenRules(String issuer, String audience) {
        this.issuer = blankToNull(issuer);
        this.audience = blankToNull(audience);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getExpiresAt() == null) {
            return refused("the token has no expiry (exp); tokens must expire");
        }
        if (token.getSubject() == null) {
            return refused("the token names no subject (sub)");
        }
        for (String claim : List.of("sub", "client_id", "azp")) {
            Object value = token.getClaims().get(claim);
            if (value != null && !name(value)) {
                return refused("the token's " + claim + " must be 1 to " + MAX_NAME + " characters with no control or invisible characters");
            }
        }
        Object roles = token.getClaims().get("roles");
        if (roles != null && !(roles instanceof String role && name(role)
                || roles instanceof Collection<?> names && names.stream().allMatch(TokenRules::name))) {
            return refused("the token's roles must be a list of role names");
        }
        if (issuer != null && !issuer.equals(token.getClaimAsString("iss"))) {
            return refused("the token was not issued by " + issuer);
        }
        if (audience != null && (token.getAudience() == null || !token.getAudience().contains(audience))) {
            return refused("the token is not meant for " + audience + " (aud)");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static boolean name(Object value) {
        return value instanceof String text && !text.isEmpty() && text.length() <= MAX_NAME && Printable.text(text);
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
