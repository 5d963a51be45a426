package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.web.CommandHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation the application serves, read from its own handler mappings (controllers, the
 * command routes, actuator, the API's description), so that one added later is among them without
 * anyone listing it: its method, its path template, and what its handler reads.
 */
final class Operations {

    private Operations() {
    }

    /** One method on one path template, and the handler that serves it. */
    record Operation(String method, String template, HandlerMethod handler) {

        /** Served by the ledger's own code, rather than actuator's or the API description's. */
        boolean ours() {
            return handler.getBeanType().getName().startsWith("io.collectionsledger.");
        }

        /** The command its body is read as, for a command route. */
        Class<?> command() {
            return handler.getBean() instanceof CommandHandler commands ? commands.route().command() : null;
        }

        boolean readsBody() {
            return parameters().anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
        }

        /** Whether the handler takes an argument of the (package-private) type of this simple name, such as MinPosition. */
        boolean takes(String simpleName) {
            return parameters().anyMatch(parameter -> parameter.getParameterType().getSimpleName().equals(simpleName));
        }

        /** The query parameters it reads: its {@code @RequestParam}s, and asOf and knownAt for a report read as of a date. */
        List<QueryParameter> queryParameters() {
            List<QueryParameter> found = new ArrayList<>();
            parameters().forEach(parameter -> {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                    String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                    boolean list = Collection.class.isAssignableFrom(parameter.getParameterType());
                    Class<?> type = list ? ResolvableType.forMethodParameter(parameter).asCollection().resolveGeneric(0)
                            : parameter.getParameterType();
                    found.add(new QueryParameter(name, type, list, param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)));
                } else if (parameter.getParameterType().getSimpleName().equals("AsOf")) {
                    found.add(new QueryParameter("asOf", java.time.LocalDate.class, false, false));
                    found.add(new QueryParameter("knownAt", java.time.Instant.class, false, false));
                }
            });
            return found;
        }

        private java.util.stream.Stream<MethodParameter> parameters() {
            return java.util.Arrays.stream(handler.getMethodParameters());
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** A query parameter: its name, the type of its value (of each, for a list), whether it is a list, whether it must be given. */
    record QueryParameter(String name, Class<?> type, boolean list, boolean required) {
    }

    static List<Operation> of(ApplicationContext context) {
        List<Operation> operations = new ArrayList<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        for (String path : alternatives(pattern)) {
                            (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                                    .forEach(method -> operations.add(new Operation(method.name(), path, handler)));
                        }
                    }
                }));
        operations.removeIf(operation -> operation.template().contains("/error"));
        operations.sort(Comparator.comparing(Operation::toString));
        return operations;
    }

    /** A path variable restricted to alternatives, {subject:customers|invoices}, is one operation per alternative. */
    static List<String> alternatives(String pattern) {
        Matcher choice = Pattern.compile("\\{\\w+:([\\w-]+(?:\\|[\\w-]+)+)}").matcher(pattern);
        if (!choice.find()) {
            return List.of(pattern);
        }
        List<String> paths = new ArrayList<>();
        for (String alternative : choice.group(1).split("\\|")) {
            paths.addAll(alternatives(pattern.substring(0, choice.start()) + alternative + pattern.substring(choice.end())));
        }
        return paths;
    }
}
