package io.collectionsledger.ledger.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the application serves at a path, read from its handler mappings (controllers, command
 * routes, actuator, API description): for who may call a method on a path that nothing serves
 * with it (anyone with a token, to hear 404 or 405 rather than 403), and for the {@code Allow} of
 * a 405 given before Spring MVC is reached. Asked only for requests that are refused.
 */
@Component
public class Endpoints {

    private final ApplicationContext context;
    private volatile Collection<RequestMappingInfoHandlerMapping> mappings;

    Endpoints(ApplicationContext context) {
        this.context = context;
    }

    /** The methods some handler takes at the request's path, HEAD wherever GET is; empty when nothing is served there. */
    public Set<RequestMethod> methodsAt(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        Set<RequestMethod> methods = EnumSet.noneOf(RequestMethod.class);
        for (RequestMappingInfoHandlerMapping mapping : mappings()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
                if (patterns != null && patterns.getPatterns().stream().anyMatch(pattern -> pattern.matches(path))) {
                    Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
                    methods.addAll(declared.isEmpty() ? EnumSet.complementOf(EnumSet.of(RequestMethod.TRACE)) : declared);
                }
            }
        }
        if (methods.contains(RequestMethod.GET)) {
            methods.add(RequestMethod.HEAD);
        }
        return methods;
    }

    /** Whether some handler takes the request's method at its path. */
    public boolean serves(HttpServletRequest request) {
        RequestMethod method = RequestMethod.resolve(request.getMethod());
        return method != null && methodsAt(request).contains(method);
    }

    private Collection<RequestMappingInfoHandlerMapping> mappings() {
        if (mappings == null) {
            mappings = context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values();
        }
        return mappings;
    }
}
