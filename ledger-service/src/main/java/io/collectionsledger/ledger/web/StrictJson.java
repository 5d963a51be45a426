package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The REST mapper reads what a client sends exactly as written (application.yml,
 * {@code spring.jackson.*}): a number is read as a decimal, never through a double (99999999999999.99
 * stays itself, 1e-400 stays 1e-400 and is then refused for its decimals, as the same value as text
 * is); a key given twice in one object is an error naming the key, not the last one winning. And a
 * client that sends 123 or true for an id means something else: the mapper refuses it instead of
 * reading it as the text "123" (dates are refused as numbers by default-leniency: false, else 123
 * would be the 123rd day after 1970).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * Spring Boot's converter, except that a number whose exponent does not fit a decimal
     * (1e-2147483649) is an unreadable body: Jackson throws a bare NumberFormatException for it
     * while reading a tree, which would otherwise leave as a 500.
     */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper mapper) {
        return new MappingJackson2HttpMessageConverter(mapper) {
            @Override
            public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
                try {
                    return super.read(type, contextClass, input);
                } catch (NumberFormatException outOfRange) {
                    throw new HttpMessageNotReadableException(CommandProblems.NUMBER_OUT_OF_RANGE,
                            new JsonParseException((JsonParser) null, CommandProblems.NUMBER_OUT_OF_RANGE), input);
                }
            }
        };
    }
}
