package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Serves every line of {@link CommandRoutes}: a mapping of its own for each route, with its own
 * path, among Spring MVC's annotated ones, so whatever lists the application's endpoints (the
 * tests that check who may call what, and what hostile input gets) finds each command there.
 * Registered once every bean is made, before the server takes requests.
 */
@Component
class CommandMappings implements SmartInitializingSingleton {

    private static final Method ACCEPT = ReflectionUtils.findMethod(CommandHandler.class, "accept", Map.class, ObjectNode.class,
            HttpServletRequest.class);

    private final RequestMappingHandlerMapping mappings;
    private final CommandEndpoint endpoint;

    CommandMappings(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings, CommandEndpoint endpoint) {
        this.mappings = mappings;
        this.endpoint = endpoint;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (CommandRoute route : CommandRoutes.ALL) {
            // produces: a client that takes no JSON is refused before the command runs, not after
            RequestMappingInfo post = RequestMappingInfo.paths(route.path()).methods(RequestMethod.POST)
                    .produces(MediaType.APPLICATION_JSON_VALUE).options(mappings.getBuilderConfiguration()).build();
            mappings.registerMapping(post, new CommandHandler(route, endpoint), ACCEPT);
        }
    }
}
