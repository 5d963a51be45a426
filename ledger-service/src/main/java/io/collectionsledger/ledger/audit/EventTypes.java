package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.ledger.query.InvalidQuery;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The event types by the simple names auditors filter on; a misspelt type is an error, not an empty history. */
@Component
class EventTypes {

    private final Map<String, String> classNames = new TreeMap<>();

    EventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AccountEvent.class));
        for (BeanDefinition event : scanner.findCandidateComponents("io.collectionsledger.contracts")) {
            classNames.put(ClassUtils.getShortName(event.getBeanClassName()), event.getBeanClassName());
        }
    }

    /** The stored payload types of these simple names. */
    List<String> classNames(List<String> simpleNames) {
        return simpleNames.stream().map(name -> {
            String className = classNames.get(name);
            if (className == null) {
                throw new InvalidQuery("type: no event type " + name + "; the types are " + String.join(", ", classNames.keySet()));
            }
            return className;
        }).toList();
    }
}
