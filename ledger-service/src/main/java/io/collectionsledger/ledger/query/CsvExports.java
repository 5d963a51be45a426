package io.collectionsledger.ledger.query;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;

/**
 * Every report answered as CSV on {@code Accept: text/csv} is also served as CSV alone at its path
 * with {@code .csv} appended ({@code GET /aging.csv}), by the same handler: the API's description
 * can then say it as an operation of its own, whose answer a generated client downloads as a file,
 * where the path's one operation answers JSON to it. Done where handlers are mapped, so that a CSV
 * report added later has its file path without saying so.
 */
@Component
class CsvExports implements WebMvcRegistrations {

    static final String SUFFIX = ".csv";
    private static final MediaType CSV = MediaType.parseMediaType(Csv.MEDIA_TYPE);

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
                super.registerHandlerMethod(handler, method, mapping);
                if (mapping.getProducesCondition().getProducibleMediaTypes().contains(CSV) && mapping.getPathPatternsCondition() != null) {
                    super.registerHandlerMethod(handler, method, mapping.mutate()
                            .paths(mapping.getPathPatternsCondition().getPatternValues().stream().map(path -> path + SUFFIX).toArray(String[]::new))
                            .produces(Csv.MEDIA_TYPE)
                            .build());
                }
            }
        };
    }
}
