package io.collectionsledger.ledger.command;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.collectionsledger.ledger.config.LedgerProperties;
import io.collectionsledger.ledger.journal.Journal;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.stereotype.Component;


/**
 * The accounts most recently worked on, kept in memory so that a command does not replay the
 * account's whole history first (docs/performance.md). An account's state holds its facts
 * (about a kilobyte each), so the cache is bounded by the events behind the accounts it keeps,
 * not by their number. Axon keeps the cache right within this
 * instance: it puts an account back only after its unit of work stored the events, holds the
 * account's lock until the transaction has committed, and drops the account when anything rolls
 * back. What this instance cannot see is another instance appending to the same account, so an
 * account is handed out only while its version is still the last sequence number in the journal
 * (one index lookup); otherwise it is dropped and read again, and no decision is ever taken on
 * a state older than what was committed before the command arrived.
 */
@Component
class AccountCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, AggregateCacheEntry<?>> accounts;
    private final Journal journal;

    AccountCache(LedgerProperties properties, Journal journal) {
        this.accounts = Caffeine.newBuilder()
                .maximumWeight(properties.cachedAccountEvents())
                .weigher((Object customerId, AggregateCacheEntry<?> entry) -> (int) Math.min(Integer.MAX_VALUE, versionOf(entry) + 1))
                .build();
        this.journal = journal;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K customerId) {
        AggregateCacheEntry<?> entry = accounts.getIfPresent(customerId);
        if (entry == null) {
            return null;
        }
        long cached = versionOf(entry);
        Long stored = journal.lastSequenceNumber(customerId.toString());
        if (stored == null || cached != stored) {
            accounts.invalidate(customerId);
            return null;
        }
        return (V) entry;
    }

    /** The entry made in this JVM holds the live aggregate, which recreateAggregate hands back as it is. */
    private static long versionOf(AggregateCacheEntry<?> entry) {
        Long version = entry.recreateAggregate(null, null, null, null).version();
        return version == null ? -1 : version;
    }

    @Override
    public void put(Object customerId, Object entry) {
        accounts.put(customerId, (AggregateCacheEntry<?>) entry);
    }

    @Override
    public boolean putIfAbsent(Object customerId, Object entry) {
        return accounts.asMap().putIfAbsent(customerId, (AggregateCacheEntry<?>) entry) == null;
    }

    @Override
    public boolean remove(Object customerId) {
        return accounts.asMap().remove(customerId) != null;
    }

    @Override
    public void removeAll() {
        accounts.invalidateAll();
    }

    @Override
    public boolean containsKey(Object customerId) {
        return accounts.asMap().containsKey(customerId);
    }

    /** Only sagas' repositories listen to their cache; accounts have none. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the account cache has no listeners");
    }
}
