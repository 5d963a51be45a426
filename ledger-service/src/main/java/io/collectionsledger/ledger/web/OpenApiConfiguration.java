package io.collectionsledger.ledger.web;

import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.contracts.shared.Headers;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI().info(new Info()
                        .title("Collections ledger")
                        .version("1")
                        .description("Records everything a supplier does to get paid, as events. Every call needs a bearer token "
                                + "(JWT) whose roles claim allows it; every command needs " + Headers.IDEMPOTENCY_KEY
                                + "; errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Documents the convention headers on every command operation. */
    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> {
            if (handler.getMethod().getReturnType() == ResponseEntity.class
                    && handler.getMethod().getGenericReturnType().getTypeName().contains(CommandAccepted.class.getName())) {
                operation.addParametersItem(header(Headers.IDEMPOTENCY_KEY, true, "Your id for this command; a retry with the same id and body is answered without recording twice"));
                operation.addParametersItem(header(HttpHeaders.IF_MATCH, false, "The ETag (account version) you acted on; 409 if the account has moved on"));
                operation.addParametersItem(header(Headers.CORRELATION_ID, false, "Ties this command to the business operation that caused it"));
            }
            return operation;
        };
    }

    private static HeaderParameter header(String name, boolean required, String description) {
        return (HeaderParameter) new HeaderParameter().name(name).required(required).description(description).schema(new StringSchema());
    }
}
