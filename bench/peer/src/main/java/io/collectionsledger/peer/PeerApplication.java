package io.collectionsledger.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.collectionsledger.contracts.payment.RecordPayment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.Map;

/**
 * The service a team would write instead of the ledger, as issue 25 describes it: the same
 * resource server and tokens (HS256, roles from the "roles" claim, the service role to record), the
 * same strict JSON binding (application.yml) of the same {@link RecordPayment}, whose constructor
 * validates it as in the ledger, the same pool, and one row per command keyed by its id.
 */
@SpringBootApplication
@RestController
public class PeerApplication {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    PeerApplication(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    /** A retry with the same key writes nothing and answers as the first did. */
    @PostMapping("/customers/{customerId}/payments")
    @Transactional
    public Map<String, Object> recordPayment(@PathVariable String customerId, @RequestHeader("Idempotency-Key") String commandId,
                                             @RequestBody ObjectNode body) throws JsonProcessingException {
        RecordPayment payment = mapper.treeToValue(body.put("customerId", customerId), RecordPayment.class);
        int inserted = jdbc.update("""
                insert into payment (command_id, customer_id, payment_id, occurred_on, amount, currency, method, reference)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (command_id) do nothing""",
                commandId, payment.customerId(), payment.paymentId(), Date.valueOf(payment.occurredOn()),
                payment.amount().amount(), payment.amount().currency(), payment.method().name(), payment.reference());
        return Map.of("commandId", commandId, "replayed", inserted == 0);
    }

    /** What the record's constructor refuses, Jackson wraps; either way the client sent it. */
    @ExceptionHandler({JsonProcessingException.class, IllegalArgumentException.class})
    ProblemDetail refused(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** As the ledger's StrictJson: 123 or true where text is expected is refused, not read as "123". Static: the controller takes the mapper it configures. */
    @Bean
    static Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/customers/*/payments").hasRole("service")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${ledger.security.jwt-secret}") String secret) {
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }
}
