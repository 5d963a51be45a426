package io.collectionsledger.contracts.collection;

/** Each class gets its own collection intensity. */
public enum ReceivableClass { CURRENT, OVERDUE, DOUBTFUL, BAD, DORMANT }
