package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.audit.ChainDigest;
import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.PublishedDigest;
import io.collectionsledger.ledger.journal.Journal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Where the hash chain stands: the digest an auditor keeps, as {@code GET /audit/digest} answers and the broker carries it. */
@Component
public class ChainHead {

    private final Journal journal;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Chainer chainer;
    private final ChainAlarm alarm;

    ChainHead(Journal journal, JdbcClient jdbc, PlatformTransactionManager transactions, Chainer chainer, ChainAlarm alarm) {
        this.journal = journal;
        this.jdbc = jdbc;
        this.chainer = chainer;
        this.alarm = alarm;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The last chained event's position and hash (position 0 and the genesis hash before the first), the journal's head,
     * and the alarm while one is raised. Once shown, to an auditor or on the broker, the chain may never go below it.
     */
    public PublishedDigest digest() {
        PublishedDigest head = readOnly.execute(status -> {
            long journalHead = journal.head();
            return jdbc.sql("select global_index, hash, chained_at from event_chain order by global_index desc limit 1")
                    .query((rs, row) -> PublishedDigest.of(new ChainDigest(rs.getLong(1), rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), journalHead))
                    .optional()
                    .orElse(PublishedDigest.of(new ChainDigest(0, ChainHash.GENESIS), null, journalHead));
        });
        chainer.publish(new ChainDigest(head.position(), head.headHash()));
        return alarm.current().map(raised -> head.withAlarm(new PublishedDigest.Alarm(raised.finding(), raised.raisedAt()))).orElse(head);
    }
}
