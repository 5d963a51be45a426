package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot holds the account's state in the shape of its revision: every field of the account and
 * its parts ({@link SnapshotState}), and of the records they keep (events among them, which upcasters
 * do not reach inside a snapshot). A snapshot read in another shape would leave a new field empty, so
 * a change of shape must come with a new {@code @Revision} on {@link CustomerAccount}: this test holds
 * the shape of each revision in {@code customer-account-snapshot.<revision>.txt} beside it.
 */
class SnapshotShapeTest {

    @Test
    void theAccountsSnapshotHasTheShapeOfItsRevision() throws IOException {
        String revision = CustomerAccount.class.getAnnotation(Revision.class).value();
        String recorded = recordedShape(revision);

        assertThat(shape())
                .as("the shape of the account's snapshot changed: raise CustomerAccount's @Revision and record the new shape as"
                        + " customer-account-snapshot.<new revision>.txt beside this test")
                .isEqualTo(recorded);
    }

    @Test
    void everyClassInTheSnapshotIsARecordOrMarkedAsState() {
        assertThat(shape()).doesNotContain("neither");
    }

    private static String recordedShape(String revision) throws IOException {
        try (InputStream in = SnapshotShapeTest.class.getResourceAsStream("customer-account-snapshot." + revision + ".txt")) {
            return in == null ? "(no shape recorded for revision " + revision + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One line per field stored, "Class.field: Type", sorted; package names left out. */
    private static String shape() {
        Set<String> lines = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> next = new ArrayDeque<>();
        next.add(CustomerAccount.class);
        while (!next.isEmpty()) {
            Class<?> type = next.poll();
            if (!seen.add(type)) {
                continue;
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    lines.add(name(type) + "." + component.getName() + ": " + name(component.getGenericType()));
                    classesIn(component.getGenericType(), next);
                }
            } else if (type.isAnnotationPresent(SnapshotState.class)) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.isAnnotationPresent(JsonIgnore.class)) {
                        lines.add(name(type) + "." + field.getName() + ": " + name(field.getGenericType()));
                        classesIn(field.getGenericType(), next);
                    }
                }
            } else if (!type.isEnum() && !type.isPrimitive() && !type.getName().startsWith("java.")) {
                lines.add(name(type) + ": neither a record nor @SnapshotState");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static void classesIn(Type type, Deque<Class<?>> next) {
        if (type instanceof Class<?> raw) {
            next.add(raw);
        } else if (type instanceof ParameterizedType parameterized) {
            classesIn(parameterized.getRawType(), next);
            for (Type argument : parameterized.getActualTypeArguments()) {
                classesIn(argument, next);
            }
        }
    }

    private static String name(Type type) {
        return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.');
    }
}
