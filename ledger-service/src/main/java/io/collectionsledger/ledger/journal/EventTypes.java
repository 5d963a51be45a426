package io.collectionsledger.ledger.journal;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.LedgerEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The account events, and the ledger's own ({@link LedgerEvent}), by the logical type names they are stored under ({@link EventType}), found in
 * the published language when the service starts. An event without a name, a malformed name or a
 * name taken twice stops the start: an event stored under a name no class answers to could never
 * be read again.
 */
@Component
public class EventTypes {

    private static final Pattern NAME = Pattern.compile("[a-z]+\\.[A-Z][A-Za-z0-9]*");

    private final Map<String, Class<?>> classes = new TreeMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    public EventTypes() {
        this(publishedEvents());
    }

    /** These events only: for tests of events that are not part of the published language. */
    public EventTypes(Collection<Class<?>> events) {
        for (Class<?> event : events) {
            EventType type = event.getAnnotation(EventType.class);
            if (type == null) {
                throw new IllegalStateException(event.getName() + " has no @EventType: every account event is stored under a logical type name");
            }
            if (!NAME.matcher(type.value()).matches()) {
                throw new IllegalStateException(event.getName() + ": the logical type name " + type.value()
                        + " does not read <concept>.<EventName>, e.g. payment.PaymentRecorded");
            }
            Class<?> taken = classes.putIfAbsent(type.value(), event);
            if (taken != null) {
                throw new IllegalStateException(event.getName() + " and " + taken.getName() + " are both named " + type.value());
            }
            names.put(event, type.value());
        }
    }

    private static Collection<Class<?>> publishedEvents() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AccountEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerEvent.class));
        ClassLoader loader = EventTypes.class.getClassLoader();
        return scanner.findCandidateComponents("io.collectionsledger.contracts").stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, loader))
                .toList();
    }

    /** The logical type name the class is stored under, or null for anything but an account event. */
    public String nameOf(Class<?> type) {
        return names.get(type);
    }

    /** The event class stored under this logical type name, or null for any other name. */
    public Class<?> classOf(String logicalName) {
        return classes.get(logicalName);
    }

    /** The logical type name meant by a logical name or by its event name alone ({@code PaymentRecorded}). */
    public Optional<String> named(String name) {
        if (classes.containsKey(name)) {
            return Optional.of(name);
        }
        return classes.keySet().stream().filter(logical -> logical.substring(logical.indexOf('.') + 1).equals(name)).findFirst();
    }

    /** The logical type names of the account events, in order: what the broker carries, as the ledger's own events are not published. */
    public SortedSet<String> publishedNames() {
        TreeSet<String> published = new TreeSet<>();
        classes.forEach((name, event) -> {
            if (AccountEvent.class.isAssignableFrom(event)) {
                published.add(name);
            }
        });
        return published;
    }

    /** Every logical type name, in order. */
    public SortedSet<String> names() {
        return new TreeSet<>(classes.keySet());
    }
}
