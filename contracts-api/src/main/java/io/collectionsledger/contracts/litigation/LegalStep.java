package io.collectionsledger.contracts.litigation;

/** What happens in a case after it is filed. Money recovered is also recorded as a payment. */
public enum LegalStep {
    PRESERVATION_ORDERED,
    HEARING_HELD,
    JUDGMENT_GIVEN,
    ENFORCEMENT_RECOVERY,
    BANKRUPTCY_CLAIM_FILED,
    CASE_CLOSED
}
