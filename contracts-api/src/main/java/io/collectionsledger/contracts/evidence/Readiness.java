package io.collectionsledger.contracts.evidence;

import java.util.List;

/**
 * What is still missing before suing: every item of steps 1 to 7 that is not present, in the
 * lawyer's order. Ready to sue when nothing is missing and something overdue is open.
 */
public record Readiness(boolean readyToSue, List<Evidence> stillMissing) {
}
