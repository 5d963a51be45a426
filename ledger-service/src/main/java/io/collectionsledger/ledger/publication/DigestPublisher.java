package io.collectionsledger.ledger.publication;

import io.collectionsledger.contracts.audit.PublishedDigest;
import io.collectionsledger.ledger.audit.ChainHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Publishes the audit digest ({@code position:headHash}, the body of {@code GET /audit/digest}) to
 * an exchange of its own whenever the chain has advanced, at most once a second: an auditor's queue
 * bound to it keeps digests that the ledger's operators cannot rewrite. A digest the broker did not
 * confirm is not retried as such; the next second's, which proves everything the missed one did,
 * takes its place. Each instance of the service publishes what it sees, so with two a digest may
 * come twice, under the same {@code message-id} ({@code digest-<position>}).
 */
@Component
@ConditionalOnProperty(name = "ledger.events.publish", havingValue = "true", matchIfMissing = true)
class DigestPublisher {

    private static final Logger log = LoggerFactory.getLogger(DigestPublisher.class);
    static final String ROUTING_KEY = "audit.Digest";

    private final ChainHead chainHead;
    private final Broker broker;
    private final PublicationProperties properties;
    private long published = -1;

    DigestPublisher(ChainHead chainHead, Broker broker, PublicationProperties properties) {
        this.chainHead = chainHead;
        this.broker = broker;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void publishWhenTheChainAdvanced() {
        PublishedDigest digest = chainHead.digest();
        if (digest.position() <= published || digest.chainedAt() == null) {
            return;
        }
        try {
            broker.publish(properties.digestExchange(), ROUTING_KEY, message(digest));
            published = digest.position();
        } catch (AmqpException unreachable) {
            log.debug("digest {} not published, the broker did not confirm it: {}", digest.digest(), unreachable.toString());
        }
    }

    static Message message(PublishedDigest digest) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId("digest-" + digest.position());
        properties.setType(ROUTING_KEY);
        properties.setTimestamp(Date.from(digest.chainedAt()));
        properties.setAppId(PublishedEvent.APP_ID);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader("position", digest.position());
        properties.setHeader("headHash", digest.headHash());
        return new Message(PublishedEvents.json(digest), properties);
    }
}
