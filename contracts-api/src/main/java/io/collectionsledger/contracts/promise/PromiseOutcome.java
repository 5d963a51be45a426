package io.collectionsledger.contracts.promise;

public enum PromiseOutcome { KEPT, PARTIALLY_KEPT, BROKEN }
