package io.collectionsledger.ledger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/** Bearer tokens as an identity provider would issue them, signed with the tests' shared secret. */
public final class Tokens {

    public static final String SECRET = "the-tests-own-hs256-secret-of-at-least-32-bytes";
    public static final String[] EVERY_ROLE = {"service", "collector", "auditor", "analyst"};

    private Tokens() {
    }

    public static String mint(String subject, String... roles) {
        return signed(claims(subject, roles).build());
    }

    /** The claims of a good token, to change one of them. */
    public static JWTClaimsSet.Builder claims(String subject, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", List.of(roles))
                .issueTime(new Date())
                // the tokens' clock is the world's, not the ledger's movable one
                .expirationTime(Date.from(Instant.now().plus(1, ChronoUnit.HOURS)));
    }

    /** Signed with the tests' secret, whatever the claims say. */
    public static String signed(JWTClaimsSet claims) {
        return signed(claims, SECRET);
    }

    public static String signed(JWTClaimsSet claims, String secret) {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }
}
