package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a token must say, beyond a good signature, before the ledger acts on it; and the issuer and audience a deployment may require. */
class TokenRulesTest {

    private static final JwtDecoder ANY_ISSUER = decoder(null, null);

    @Test
    void aTokenThatNamesItsSubjectAndExpiresIsTaken() {
        Jwt token = ANY_ISSUER.decode(Tokens.mint("billing", "service"));
        assertThat(token.getSubject()).isEqualTo("billing");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefused(ANY_ISSUER, Tokens.signed(Tokens.claims("billing", "service").expirationTime(null).build()), "no expiry (exp)");
    }

    @Test
    void aSubjectOrClientOver128CharactersOrWithHiddenCharactersIsRefused() {
        assertThat(ANY_ISSUER.decode(Tokens.mint("s".repeat(128), "service")).getSubject()).hasSize(128);
        assertRefused(ANY_ISSUER, Tokens.mint("s".repeat(129), "service"), "sub must be 1 to 128 characters");
        for (String subject : List.of("a\u0000b", "a\u0007b", "a\nb", "a\u202Eb", "a\u200Bb", "")) {
            assertRefused(ANY_ISSUER, Tokens.mint(subject, "service"), "sub must be");
        }
        assertRefused(ANY_ISSUER, Tokens.signed(Tokens.claims(null, "service").build()), "no subject (sub)");
        assertRefused(ANY_ISSUER, Tokens.signed(Tokens.claims("billing", "service").claim("client_id", "c".repeat(129)).build()),
                "client_id must be");
        assertRefused(ANY_ISSUER, Tokens.signed(Tokens.claims("billing", "service").claim("azp", "a\u0000").build()), "azp must be");
    }

    @Test
    void rolesAreAListOfNames() {
        assertRefused(ANY_ISSUER, Tokens.signed(Tokens.claims("billing").claim("roles", List.of(1, 2)).build()), "roles must be");
        assertRefused(ANY_ISSUER, Tokens.signed(Tokens.claims("billing").claim("roles", 5).build()), "roles must be");
    }

    @Test
    void theTimesOfATokenAreCheckedAsEver() {
        assertRefused(ANY_ISSUER, Tokens.signed(Tokens.claims("billing", "service").issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()), "expired");
        assertRefused(ANY_ISSUER, Tokens.signed(Tokens.claims("billing", "service")
                .notBeforeTime(Date.from(Instant.now().plusSeconds(3600))).build()), "used before");
    }

    @Test
    void aConfiguredIssuerAndAudienceAreRequired() {
        JwtDecoder strict = decoder("https://idp.example.com", "collections-ledger");
        String right = Tokens.signed(Tokens.claims("billing", "service").issuer("https://idp.example.com")
                .audience(List.of("other-api", "collections-ledger")).build());
        assertThat(strict.decode(right).getSubject()).isEqualTo("billing");

        assertRefused(strict, Tokens.mint("billing", "service"), "not issued by https://idp.example.com");
        assertRefused(strict, Tokens.signed(Tokens.claims("billing", "service").issuer("https://evil.example.com")
                .audience("collections-ledger").build()), "not issued by");
        assertRefused(strict, Tokens.signed(Tokens.claims("billing", "service").issuer("https://idp.example.com")
                .audience("other-api").build()), "not meant for collections-ledger");
    }

    private static JwtDecoder decoder(String issuer, String audience) {
        return new SecurityConfiguration().jwtDecoder(new SecurityProperties(Tokens.SECRET, issuer, audience), null);
    }

    private static void assertRefused(JwtDecoder decoder, String token, String reason) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class)
                .isNotInstanceOf(IllegalStateException.class).hasMessageContaining(reason);
    }
}
