package io.collectionsledger.contracts.worklist;

import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.LocalDate;

/** What the collections guides recommend doing next for the customer, from which day, and how. */
public record NextAction(@NeverAbsent Kind kind, @NeverAbsent LocalDate on, @NeverAbsent String detail) {

    public enum Kind {
        /** Tier A: a senior sales contact calls 7 days before the due date. */
        SENIOR_CONTACT_CALL,
        /** Tier B: the account manager sends a friendly reminder with the latest statement 3 days before. */
        FRIENDLY_REMINDER,
        /** Tier C: an automatic SMS 10 days before. */
        SMS_REMINDER,
        /** 1–30 days past due: phone, then e-mail with statement and payment clause, then SMS. */
        PHONE_EMAIL_SMS,
        /** 31–90: visit by sales with legal, handing over a stamped dunning letter sent by tracked courier. */
        VISIT_WITH_DUNNING_LETTER,
        /** 31–90, dunning letter delivered: announce the lawyer's letter, or bring in a mediator. */
        LAWYERS_LETTER_OR_MEDIATION,
        /** 91+: fix the evidence, find assets, sue with pre-suit property preservation (or claim in bankruptcy). */
        SUE_WITH_PRESERVATION,
        /** Everything overdue is disputed: settle the dispute before pressing for payment. */
        RESOLVE_DISPUTE,
        /** A case is open: follow it through preservation, judgment and enforcement. */
        FOLLOW_LAWSUIT,
        /** The limitation date is near: restart it (dunning letter delivered, confirmed statement, written promise) or sue. */
        RESTART_LIMITATION,
        /** The limitation date has passed: get the debt acknowledged in writing before anything else. */
        GET_DEBT_ACKNOWLEDGED
    }
}
