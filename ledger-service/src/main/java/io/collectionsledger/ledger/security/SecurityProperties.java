package io.collectionsledger.ledger.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are verified (environment: LEDGER_SECURITY_JWT_SECRET, LEDGER_SECURITY_ISSUER,
 * LEDGER_SECURITY_AUDIENCE). Either a shared HS256 secret, for local use and for deployments that
 * mint their own tokens, or an issuer whose keys are fetched
 * (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI or ..._JWK_SET_URI), as an identity
 * provider in production would have it. Whichever verifies them, tokens must expire and name
 * their subject ({@link TokenRules}).
 *
 * @param jwtSecret the HS256 key, at least 32 bytes; unset when an issuer verifies the tokens
 * @param issuer    the {@code iss} every token must carry; unset for any
 * @param audience  a value every token's {@code aud} must hold; unset for any
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(String jwtSecret, String issuer, String audience) {
}
