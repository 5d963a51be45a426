package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.http.Printable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the query string of every request the ledger's own handlers take must be, before the handler
 * runs: only parameters the handler reads (a misspelt filter, {@code customerid=}, would otherwise be
 * ignored and the whole portfolio answered), each given once unless it is a list, each value valid
 * UTF-8 of at most 200 characters with nothing hidden in it (a NUL would reach PostgreSQL, which
 * refuses it). Anything else is 400 {@code invalid-query}. Parameters in a form body are not the
 * query string's and are not looked at here.
 */
final class StrictParameters implements HandlerInterceptor {

    static final int MAX_LENGTH = 200;
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** Each handler's parameters, by name: true for a list, which may be given more than once. */
    private final Map<Method, Map<String, Boolean>> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith("io.collectionsledger.")) {
            return true;
        }
        Map<String, Boolean> parameters = declared.computeIfAbsent(method.getMethod(), key -> parametersOf(method));
        Set<String> given = new HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals), null);
            String value = decoded(equals < 0 ? "" : pair.substring(equals + 1), name);
            if (!parameters.containsKey(name)) {
                throw new InvalidQuery(name + " is not a parameter here; " + (parameters.isEmpty() ? "there are none"
                        : "the parameters are " + String.join(", ", new TreeMap<>(parameters).keySet())));
            }
            if (!given.add(name) && !parameters.get(name)) {
                throw new InvalidQuery(name + ": given more than once; give it once");
            }
            if (value.length() > MAX_LENGTH) {
                throw new InvalidQuery(name + ": at most " + MAX_LENGTH + " characters");
            }
            if (!Printable.text(value)) {
                throw new InvalidQuery(name + ": holds a control or invisible character");
            }
        }
        return true;
    }

    /**
     * A name or value of the query string, percent-decoded as UTF-8; bytes that are not UTF-8 are
     * refused rather than read as U+FFFD. A name that cannot be shown is not named.
     */
    private static String decoded(String raw, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw new InvalidQuery(unreadable(name) + ": '%' must start an escape such as %20");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            if (name == null && (text.length() > MAX_LENGTH || !Printable.text(text))) {
                throw new InvalidQuery("a parameter's name holds a control or invisible character, or is over " + MAX_LENGTH + " characters");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new InvalidQuery(unreadable(name) + ": not UTF-8");
        }
    }

    private static String unreadable(String name) {
        return name == null ? "a parameter's name" : name;
    }

    private static Map<String, Boolean> parametersOf(HandlerMethod method) {
        Map<String, Boolean> parameters = new TreeMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                parameter.initParameterNameDiscovery(NAMES);
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                parameters.put(name, Collection.class.isAssignableFrom(parameter.getParameterType()) || parameter.getParameterType().isArray());
            } else if (parameter.getParameterType() == AsOf.class) {
                parameters.put(AsOf.AS_OF, false);
                parameters.put(AsOf.KNOWN_AT, false);
            } else if (parameter.hasParameterAnnotation(ParameterObject.class)) {
                // a record of parameters, bound by Spring from the query string: a parameter per component
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    parameters.put(component.getName(), Collection.class.isAssignableFrom(component.getType()) || component.getType().isArray());
                }
            }
        }
        return parameters;
    }
}
