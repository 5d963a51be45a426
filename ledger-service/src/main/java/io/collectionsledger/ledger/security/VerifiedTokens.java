package io.collectionsledger.ledger.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies a token once and remembers it until it expires, instead of checking its signature and
 * parsing it again on every request a client sends with it (a service keeps its token for
 * minutes): about a tenth of the service's CPU under load (docs/performance.md). A token that fails
 * verification is never remembered; one without an expiry is verified every time.
 */
final class VerifiedTokens implements JwtDecoder {

    private static final Duration LONGEST = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified;

    /** Token expiry is wall-clock time (the system's, as the verifier's); the ticker measures how long an entry was kept. */
    VerifiedTokens(JwtDecoder verifier, Clock wallClock, Ticker ticker) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .maximumSize(10_000)
                .ticker(ticker)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> keptFor(jwt.getExpiresAt(), wallClock.instant())))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Kept until the token expires (the verifier's clock skew still applies when it is verified again), at most five minutes. */
    private static Duration keptFor(Instant expiresAt, Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}
