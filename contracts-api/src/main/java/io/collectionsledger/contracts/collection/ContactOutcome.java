package io.collectionsledger.contracts.collection;

public enum ContactOutcome { NOT_REACHED, REACHED_NO_COMMITMENT, PROMISE_OBTAINED, DISPUTE_RAISED, PAID, REFUSED }
