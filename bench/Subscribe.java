import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.util.Map;

/**
 * The benchmark's consumer side of publication: declares the ledger's event exchange and a durable
 * queue bound to every event, capped at --max-length messages (the oldest dropped), so that what the
 * ledger publishes is routed and stored as it would be for a real subscriber, without filling the disk.
 *   java -cp examples/order-holds/target/order-holds.jar bench/Subscribe.java --uri amqp://guest:guest@127.0.0.1:5672/vhost
 * (the example consumer's jar carries the RabbitMQ client)
 */
public class Subscribe {

    public static void main(String[] args) throws Exception {
        String uri = args.length > 1 && args[0].equals("--uri") ? args[1] : "amqp://guest:guest@127.0.0.1:5672";
        int maxLength = args.length > 3 && args[2].equals("--max-length") ? Integer.parseInt(args[3]) : 100_000;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        try (Connection connection = factory.newConnection("bench-subscribe"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("ledger.events", "topic", true);
            channel.queueDeclare("bench-every-event", true, false, false, Map.of("x-max-length", maxLength));
            channel.queueBind("bench-every-event", "ledger.events", "#");
        }
    }
}
