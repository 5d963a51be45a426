package io.collectionsledger.ledger.web;

import io.collectionsledger.contracts.shared.NeverAbsent;
import io.collectionsledger.contracts.shared.Require;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which fields of a schema are required, and how long its texts and lists may be, read from the
 * record it is made of. A record that checks itself (a command and what it holds, through
 * {@code contracts.shared.Require}) requires what its constructor refuses absent: {@code Require.id},
 * {@code text}, {@code date}, {@code present}, {@code positive}, {@code nonEmptyList}, unless it
 * checks only a value given ({@code if (value != null)}); the {@code optional...} checks and
 * {@code list} (absent is empty) leave a field optional. An answer, which checks nothing, always has its numbers, flags
 * and lists (the REST mapper leaves out only what is null, and no answer holds a null list); its
 * other fields may be absent, as their documentation says of many. The same checks bound a
 * command's texts: an id is at most 64 characters of a pattern, a text as long as its check says,
 * a list at most {@code Require.MAX_ITEMS} items.
 */
final class FieldRules {

    private static final String REQUIRE = "io/collectionsledger/contracts/shared/Require";
    private static final Set<String> CHECKS_OF_PRESENCE = Set.of("present", "id", "text", "date", "positive", "nonEmptyList");
    private static final Set<String> CHECKS_OF_IDS = Set.of("id", "optionalId");
    private static final Set<String> CHECKS_OF_TEXT = Set.of("text", "optionalText");
    private static final Set<String> CHECKS_OF_LISTS = Set.of("list", "nonEmptyList");
    /** Require's pattern of ids, as a schema says it. */
    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";

    /** What the constructor checks of one field. */
    private record Checks(Set<String> calls, Integer length) {
    }

    private FieldRules() {
    }

    /** @param roots the types of the bodies and answers of every operation */
    static void mark(OpenAPI api, Collection<java.lang.reflect.Type> roots) {
        Map<String, Set<Class<?>>> records = records(roots);
        api.getComponents().getSchemas().forEach((name, schema) -> {
            Class<?> type = schema.getProperties() == null ? null : madeOf(records.getOrDefault(name, Set.of()), schema.getProperties().keySet());
            if (type != null && schema.getProperties() != null) {
                Map<String, Checks> checks = new HashMap<>();
                Set<String> required = new LinkedHashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
                required.addAll(of(type, checks));
                checks.forEach((field, check) -> bound(((Schema<?>) schema).getProperties().get(field), check));
                required.retainAll(((Schema<?>) schema).getProperties().keySet());
                schema.setRequired(required.isEmpty() ? null : List.copyOf(required));
            }
        });
    }

    private static void bound(Schema<?> property, Checks check) {
        if (property == null || property.get$ref() != null) {
            return;
        }
        if (ApiContract.isOfType(property, "string") && property.getEnum() == null) {
            if (check.calls().stream().anyMatch(CHECKS_OF_IDS::contains)) {
                property.setPattern(ID);
                property.setMaxLength(64);
            } else if (check.length() != null && check.calls().stream().anyMatch(CHECKS_OF_TEXT::contains)) {
                property.setMaxLength(check.length());
            }
        }
        if (ApiContract.isOfType(property, "array") && check.calls().stream().anyMatch(CHECKS_OF_LISTS::contains)) {
            property.setMaxItems(Require.MAX_ITEMS);
        }
    }

    /** The fields of a record that are never absent; what its constructor checks of each goes into {@code checks}. */
    static Set<String> of(Class<?> record, Map<String, Checks> checks) {
        RecordComponent[] components = record.getRecordComponents();
        Map<Integer, Checks> checked = new HashMap<>();
        boolean checksItself = checkedParameters(record, checked);
        Set<String> required = new LinkedHashSet<>();
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            Checks check = checked.get(i);
            if (check != null) {
                checks.put(components[i].getName(), check);
            }
            boolean present = check != null && check.calls().stream().anyMatch(CHECKS_OF_PRESENCE::contains)
                    || components[i].isAnnotationPresent(NeverAbsent.class);
            if (type.isPrimitive() || present || !checksItself && Collection.class.isAssignableFrom(type)) {
                required.add(components[i].getName());
            }
        }
        return required;
    }

    /**
     * Reads the canonical constructor's code: which checks each parameter is given to (the last one
     * loaded before the call), with the length the call names; answers whether it calls {@code Require} at all.
     */
    private static boolean checkedParameters(Class<?> record, Map<Integer, Checks> checked) {
        Class<?>[] parameters = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        String descriptor = Type.getConstructorDescriptor(constructor(record, parameters));
        Map<Integer, Integer> parameterBySlot = new HashMap<>();
        int slot = 1;
        for (int i = 0; i < parameters.length; i++) {
            parameterBySlot.put(slot, i);
            slot += parameters[i] == long.class || parameters[i] == double.class ? 2 : 1;
        }
        boolean[] callsRequire = {false};
        try (InputStream bytes = record.getClassLoader().getResourceAsStream(ClassUtils.convertClassNameToResourcePath(record.getName()) + ".class")) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                    if (!name.equals("<init>") || !desc.equals(descriptor)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        private Integer loaded;
                        private Integer length;
                        private final Set<Integer> nullTested = new HashSet<>();

                        @Override
                        public void visitVarInsn(int opcode, int var) {
                            loaded = opcode == Opcodes.ALOAD ? parameterBySlot.get(var) : null;
                            length = null;
                        }

                        /** {@code if (value != null) Require.positive(value, ...)}: checked when given, so optional. */
                        @Override
                        public void visitJumpInsn(int opcode, Label label) {
                            if (loaded != null && (opcode == Opcodes.IFNULL || opcode == Opcodes.IFNONNULL)) {
                                nullTested.add(loaded);
                            }
                            loaded = null;
                            length = null;
                        }

                        @Override
                        public void visitIntInsn(int opcode, int operand) {
                            length = operand;
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                            if (owner.equals(REQUIRE)) {
                                callsRequire[0] = true;
                                if (loaded != null && !nullTested.contains(loaded)) {
                                    Checks before = checked.getOrDefault(loaded, new Checks(Set.of(), null));
                                    Set<String> calls = new HashSet<>(before.calls());
                                    calls.add(method);
                                    checked.put(loaded, new Checks(calls, length != null ? length : before.length()));
                                }
                            }
                            loaded = null;
                            length = null;
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return callsRequire[0];
    }

    private static java.lang.reflect.Constructor<?> constructor(Class<?> record, Class<?>[] parameters) {
        try {
            return record.getDeclaredConstructor(parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    /**
     * The records the answers and bodies are made of, by the name springdoc gives their schemas: the
     * simple name, followed by its type arguments' for a generic record ({@code RecordList<Contract>} is
     * {@code RecordListContract}); found from the given types through their components.
     */
    private static Map<String, Set<Class<?>>> records(Collection<java.lang.reflect.Type> roots) {
        Map<String, Set<Class<?>>> byName = new HashMap<>();
        Set<java.lang.reflect.Type> seen = new HashSet<>();
        roots.forEach(root -> walk(root, seen, byName));
        return byName;
    }

    private static void walk(java.lang.reflect.Type type, Set<java.lang.reflect.Type> seen, Map<String, Set<Class<?>>> byName) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> walk(argument, seen, byName));
            walk(parameterized.getRawType(), seen, byName);
            if (parameterized.getRawType() instanceof Class<?> raw && raw.isRecord()
                    && Arrays.stream(parameterized.getActualTypeArguments()).allMatch(Class.class::isInstance)) {
                String name = raw.getSimpleName() + Arrays.stream(parameterized.getActualTypeArguments())
                        .map(argument -> ((Class<?>) argument).getSimpleName()).collect(Collectors.joining());
                byName.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(raw);
            }
        } else if (type instanceof Class<?> plain && plain.isRecord()) {
            byName.computeIfAbsent(plain.getSimpleName(), key -> new LinkedHashSet<>()).add(plain);
            Arrays.stream(plain.getRecordComponents()).forEach(component -> walk(component.getGenericType(), seen, byName));
        }
    }

    /** Of the records that go by a schema's name, the one; of two (nested records may share a name), the one whose fields are its properties. */
    private static Class<?> madeOf(Set<Class<?>> candidates, Set<String> properties) {
        if (candidates.size() == 1) {
            return candidates.iterator().next();
        }
        List<Class<?>> matching = candidates.stream().filter(record -> Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet()).equals(properties)).toList();
        return matching.size() == 1 ? matching.get(0) : null;
    }
}
