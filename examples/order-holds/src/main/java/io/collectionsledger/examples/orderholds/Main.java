package io.collectionsledger.examples.orderholds;

import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the view and prints who is held whenever it changes, until stopped.
 * <pre>
 * LEDGER_URL=http://127.0.0.1:8080 LEDGER_TOKEN=$(deploy/local/mint-token.sh ordering service) \
 *   RABBITMQ_URI=amqp://guest:guest@127.0.0.1:5672 java -jar examples/order-holds/target/order-holds.jar
 * </pre>
 * Also ORDER_HOLDS_QUEUE (order-holds) and LEDGER_EVENTS_EXCHANGE (ledger.events).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        OrderHolds view = new OrderHolds();
        LedgerFeed.Settings settings = new LedgerFeed.Settings(URI.create(env("LEDGER_URL", "http://127.0.0.1:8080")),
                env("LEDGER_TOKEN", null), env("RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:5672"),
                env("LEDGER_EVENTS_EXCHANGE", "ledger.events"), env("ORDER_HOLDS_QUEUE", "order-holds"));
        if (settings.token() == null) {
            System.err.println("LEDGER_TOKEN: a bearer token of the service role is needed to read the ledger's history");
            System.exit(2);
        }
        try (LedgerFeed feed = LedgerFeed.start(settings, view, change -> System.out.println(change + " -> held: " + view.held().keySet()))) {
            System.out.println("caught up after " + view.applied() + " events; held: " + view.held().keySet() + "; now following the queue");
            new CountDownLatch(1).await();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
