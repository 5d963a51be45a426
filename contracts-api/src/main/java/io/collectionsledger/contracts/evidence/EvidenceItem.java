package io.collectionsledger.contracts.evidence;

import java.util.List;

/**
 * One item of the checklist: present or missing, the facts that prove it, and, when it is
 * missing or incomplete, what is lacking ({@code gaps}, e.g. the delivery without a signed receipt).
 */
public record EvidenceItem(Evidence evidence, int step, boolean present, List<Proof> proofs, List<String> gaps) {
}
