package io.collectionsledger.ledger;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

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
 * service the tests start. It watches from Tomcat's engine, where every request enters, so that it
 * sees what Tomcat refuses before any filter runs as well as what the application answers; both
 * name the problem type on the request.
 */
@Component
class ObservedProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

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
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                try {
                    getNext().invoke(request, response);
                } finally {
                    if (response.getStatus() >= 400 && request.getAttribute(TYPE_ATTRIBUTE) instanceof String type) {
                        write(request.getMethod() + "\t" + request.getRequestURI() + "\t" + response.getStatus() + "\t" + type);
                    }
                }
            }
        });
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
