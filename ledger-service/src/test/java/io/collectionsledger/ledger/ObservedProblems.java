package io.collectionsledger.ledger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

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
 * Writes down every problem the service answers during the integration tests (method, path, status,
 * problem type), in {@code target/observed-problems/}, for {@code ObservedProblemsIT} to hold the
 * API's description to them. A component of the tests' own: component scanning puts it into every
 * service the tests start, and it reads the type as the service's own refused-request log does.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ObservedProblems extends OncePerRequestFilter {

    static final Path DIRECTORY = Path.of("target/observed-problems");
    private static final String TYPE_ATTRIBUTE = "io.collectionsledger.ledger.http.Problems.type";
    private static final Path FILE = DIRECTORY.resolve(UUID.randomUUID() + ".tsv");
    private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

    static {
        // what earlier runs saw is theirs: each run of the integration tests is checked on what it saw
        try (Stream<Path> earlier = Files.isDirectory(DIRECTORY) ? Files.list(DIRECTORY) : Stream.empty()) {
            for (Path file : earlier.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() >= 400 && request.getAttribute(TYPE_ATTRIBUTE) instanceof String type) {
                write(request.getMethod() + "\t" + request.getRequestURI() + "\t" + response.getStatus() + "\t" + type);
            }
        }
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
