package io.collectionsledger.contracts.worklist;

/**
 * Why a customer ranks where it does: the points each factor gave, and their sum. How each is
 * computed is documented with the function that computes it (projections' {@code WorklistPriority}).
 */
public record PriorityScore(int total, int amount, int age, int limitation, int brokenPromises, int earlyWarnings, int creditRecord) {
}
