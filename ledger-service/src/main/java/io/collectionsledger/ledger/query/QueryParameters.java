package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * The parameters every report reads the same way: a handler that takes {@link AsOf} gets it from
 * {@code asOf} and {@code knownAt}, one that takes {@link MinPosition} from {@code Ledger-Min-Position}
 * and {@code Prefer}; a value that cannot be read is 400 {@code invalid-query}, as is a query string
 * holding a parameter the handler does not read ({@link StrictParameters}). The API's description lists them on each report that takes them, and its CSV answers as text.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameters implements WebMvcConfigurer {

    private static final String PREFER = "Prefer";

    private final BusinessCalendar calendar;
    private final Clock clock;

    QueryParameters(BusinessCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == AsOf.class || parameter.getParameterType() == MinPosition.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                if (parameter.getParameterType() == AsOf.class) {
                    return AsOf.of(request.getParameter(AsOf.AS_OF), request.getParameter(AsOf.KNOWN_AT), calendar, clock);
                }
                String[] prefer = request.getHeaderValues(PREFER);
                return MinPosition.of(request.getHeader(Headers.MIN_POSITION), prefer == null ? null : String.join(",", prefer));
            }
        });
    }

    /** Every handler of the ledger takes only the query parameters it reads, once each, in plain text. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StrictParameters());
    }

    @Bean
    OperationCustomizer reportParameters() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType() == AsOf.class) {
                    operation.addParametersItem(new QueryParameter().name(AsOf.AS_OF).required(false).schema(new DateSchema()));
                    operation.addParametersItem(new QueryParameter().name(AsOf.KNOWN_AT).required(false).schema(new DateTimeSchema()));
                }
                if (parameter.getParameterType() == MinPosition.class) {
                    operation.addParametersItem(new HeaderParameter().name(Headers.MIN_POSITION).required(false)
                            .schema(new IntegerSchema().format("int64")));
                    operation.addParametersItem(new HeaderParameter().name(PREFER).required(false).schema(new StringSchema()));
                    if (operation.getResponses() != null && operation.getResponses().get("200") != null) {
                        operation.getResponses().get("200").addHeaderObject(Headers.POSITION, new Header()
                                .description("The journal position the answer reflects: every event up to it is in the answer")
                                .schema(new IntegerSchema().format("int64")));
                    }
                }
            }
            if (operation.getResponses() != null) {
                operation.getResponses().values().stream().map(ApiResponse::getContent)
                        .filter(content -> content != null && content.containsKey(Csv.MEDIA_TYPE))
                        // a file, which a generated client saves as it comes rather than reads as JSON
                        .forEach(content -> content.addMediaType(Csv.MEDIA_TYPE, new MediaType().schema(new StringSchema().format("binary"))));
            }
            return operation;
        };
    }
}
