package io.collectionsledger.ledger.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    private VerifiedTokens tokens(Instant expiresAt) {
        JwtDecoder verifier = token -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("bad signature");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "HS256").subject("svc").issuedAt(NOW.minusSeconds(1));
            return (expiresAt == null ? jwt : jwt.expiresAt(expiresAt)).build();
        };
        return new VerifiedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        VerifiedTokens tokens = tokens(NOW.plus(Duration.ofMinutes(2)));
        tokens.decode("t1");
        tokens.decode("t1");
        nanos.addAndGet(Duration.ofSeconds(119).toNanos());
        tokens.decode("t1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItHasExpired() {
        VerifiedTokens tokens = tokens(NOW.plus(Duration.ofMinutes(2)));
        tokens.decode("t1");
        nanos.addAndGet(Duration.ofSeconds(121).toNanos());
        tokens.decode("t1");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterFiveMinutes() {
        VerifiedTokens tokens = tokens(NOW.plus(Duration.ofDays(1)));
        tokens.decode("t1");
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        tokens.decode("t1");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        VerifiedTokens tokens = tokens(NOW.plus(Duration.ofMinutes(2)));
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsVerifiedEveryTime() {
        VerifiedTokens tokens = tokens(null);
        tokens.decode("t1");
        tokens.decode("t1");
        assertThat(verifications).hasValue(2);
    }
}
