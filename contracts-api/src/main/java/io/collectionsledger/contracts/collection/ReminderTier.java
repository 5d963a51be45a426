package io.collectionsledger.contracts.collection;

/**
 * How a customer is reminded before its due dates: A (strategic, large) 7 days before by a
 * senior contact, B (normal) 3 days before by the account manager, C (small) 10 days before by
 * automatic SMS.
 */
public enum ReminderTier { A, B, C }
