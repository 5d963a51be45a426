package io.collectionsledger.ledger.account;

import java.util.Objects;
import java.util.function.Function;

/**
 * One answer computed from an {@link OpenTerm}'s state and an outside input (the key), kept until
 * the term changes or the input differs. After every command the first day due and the judgement
 * of holds ask the same questions of every term of the account, and only the terms the command
 * touched have new answers: an account of hundreds of terms would otherwise redo hundreds of walks
 * over each term's history per command.
 */
final class Derived<K, V> {

    private long at = -1;
    private K key;
    private V value;

    V get(long changes, K key, Function<K, V> compute) {
        if (at != changes || !Objects.equals(this.key, key)) {
            value = compute.apply(key);
            this.key = key;
            at = changes;
        }
        return value;
    }
}
