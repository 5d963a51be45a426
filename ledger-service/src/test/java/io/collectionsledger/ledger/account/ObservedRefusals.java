package io.collectionsledger.ledger.account;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes down, in {@code target/observed-refusals/}, every command the fixture tests saw refused and
 * the rule that refused it (the command's name, the rule's code): the problem types a command's
 * operation answers with, beside those the integration tests see over HTTP, for {@code ObservedProblemsIT}.
 * Each run of the tests writes them anew.
 */
final class ObservedRefusals {

    static final Path DIRECTORY = Path.of("target/observed-refusals");
    private static final Path FILE = DIRECTORY.resolve(UUID.randomUUID() + ".tsv");
    private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

    static {
        try (Stream<Path> earlier = Files.isDirectory(DIRECTORY) ? Files.list(DIRECTORY) : Stream.empty()) {
            for (Path file : earlier.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObservedRefusals() {
    }

    /** Around the account's handlers, as the command bus is: a refusal passes through on its way to the test. */
    static MessageHandlerInterceptor<CommandMessage<?>> interceptor() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception e) {
                RuleViolation.of(e).ifPresent(refusal ->
                        write(unitOfWork.getMessage().getPayloadType().getSimpleName() + "\t" + refusal.rule().code()));
                throw e;
            }
        };
    }

    private static void write(String line) {
        if (WRITTEN.add(line)) {
            try {
                Files.createDirectories(DIRECTORY);
                synchronized (WRITTEN) {
                    Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
