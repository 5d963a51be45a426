package io.collectionsledger.ledger;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A virtual host of this test run's own on the real RabbitMQ (127.0.0.1:5672, run
 * deploy/local/prepare.sh), deleted when the JVM exits, with a user for the ledger that has exactly
 * the permissions the README names (configure and write on the ledger's two exchanges, read
 * nothing). Tests consume as guest, who may do anything there. The broker is managed with
 * rabbitmqctl, as the management plugin is off.
 */
public final class TestBroker {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5672;
    /** The README's permissions for the ledger: publish only. */
    public static final String LEDGER_EXCHANGES = "^ledger\\.(events|audit-digests)$";

    private static TestBroker shared;

    private final String vhost;
    private final String user;
    private final String password;

    private TestBroker(String vhost) {
        this.vhost = vhost;
        this.user = vhost + "-ledger";
        this.password = Integer.toHexString(ThreadLocalRandom.current().nextInt()) + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        rabbitmqctl("add_vhost", vhost);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            rabbitmqctl("delete_vhost", vhost);
            rabbitmqctl("delete_user", user);
        }));
        rabbitmqctl("add_user", user, password);
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        giveBack();
    }

    /** Where every message the run's services publish to the shared virtual host is kept, for PublicationIT to check. */
    public static final String EVERY_MESSAGE = "every-message";

    /**
     * The run's shared virtual host, which every integration test's service publishes to; a queue
     * ({@value #EVERY_MESSAGE}) keeps every event published there, from the first.
     */
    public static synchronized TestBroker shared() {
        if (shared == null) {
            shared = create();
            try (Connection connection = shared.connect("test-broker"); com.rabbitmq.client.Channel channel = connection.createChannel()) {
                channel.exchangeDeclare("ledger.events", "topic", true);
                channel.queueDeclare(EVERY_MESSAGE, true, false, false, null);
                channel.queueBind(EVERY_MESSAGE, "ledger.events", "#");
            } catch (IOException | TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** Another virtual host of this run's own, for a test that must not share one. */
    public static TestBroker create() {
        return new TestBroker("ledger-it-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF)));
    }

    public String vhost() {
        return vhost;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The settings a service needs to publish here, as command-line arguments. */
    public List<String> serviceArguments() {
        return List.of("--spring.rabbitmq.host=" + HOST, "--spring.rabbitmq.port=" + PORT, "--spring.rabbitmq.virtual-host=" + vhost,
                "--spring.rabbitmq.username=" + user, "--spring.rabbitmq.password=" + password);
    }

    /** The broker becomes unreachable for the ledger only: its permissions go, and so do its open connections. */
    public void takeAwayTheLedgersPermissions() {
        rabbitmqctl("clear_permissions", "-p", vhost, user);
        rabbitmqctl("close_all_user_connections", user, "test: the broker is unreachable for the ledger");
    }

    public void giveBack() {
        rabbitmqctl("set_permissions", "-p", vhost, user, LEDGER_EXCHANGES, LEDGER_EXCHANGES, "^$");
    }

    /** A connection as guest, for a test's consumers. */
    public Connection connect(String name) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setVirtualHost(vhost);
        factory.setUsername("guest");
        factory.setPassword("guest");
        try {
            return factory.newConnection(name);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("RabbitMQ at " + HOST + ":" + PORT + " refused a connection (run deploy/local/prepare.sh)", e);
        }
    }

    private static void rabbitmqctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (run deploy/local/prepare.sh): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
