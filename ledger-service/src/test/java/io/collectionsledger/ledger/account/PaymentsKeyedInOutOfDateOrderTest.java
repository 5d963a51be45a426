package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.sequenceOf;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two payments of one invoice bearing late fees, the later one recorded first: each pays the fees owed through the day
 * before its own date, as if they had been recorded in date order (issue 17). The 10,000.00 term is due on 1 October
 * under 0.05 % a day, above the legal cap of 15.4 % a year (10,000 x 0.154 / 365 = 4.2192 a day), so the legal cap holds.
 * The payment of 31 October, recorded first, paid the 29 days' fees through 30 October, 122.36, then 4,877.64 of principal.
 */
class PaymentsKeyedInOutOfDateOrderTest extends AccountFixture {

    private static final LocalDate EARLIER = LocalDate.parse("2026-10-11");
    private static final LocalDate LATER = LocalDate.parse("2026-10-31");

    @Test
    void theEarlierPaymentPaysTheFeesOwedByItsDateAndTheLaterOnesPaymentOfThemPaysPrincipalOnItsDate() {
        // 2,000.00 on 11 October owes the 9 days' fees through 10 October, 37.97 (10,000 x 0.154 x 9 / 365 = 37.9726), which the
        // later payment had paid: those 37.97 of the later money become credit on its date and pay principal there
        fixture.given(laterPaymentRecordedFirst())
                .when(new RecordPayment(CUSTOMER, "P-EARLIER", EARLIER, cny("2000.00"), RecordPayment.Method.BANK_TRANSFER, null, List.of()))
                .expectEvents(
                        new LateFeesCorrected(CUSTOMER, LATER, List.of(new LateFeeCorrection("INV-1", "T1", LATER, cny("122.36"), cny("122.36"),
                                cny("0.00"), cny("37.97"))), "late fees paid on 2026-10-31 that money dated 2026-10-11, recorded later, paid first"),
                        new UnappliedCreditApplied(CUSTOMER, "_late-fees@2026-10-31", LATER, cny("37.97"), List.of(principal("INV-1", "T1", "37.97")), null),
                        new PaymentRecorded(CUSTOMER, "P-EARLIER", EARLIER, cny("2000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                                List.of(fees("37.97"), principal("INV-1", "T1", "1962.03")), cny("0.00")));
    }

    @Test
    void theNextCloseCreditsTheFeesTheLaterPaymentPaidAboveThoseOwedAndAppliesThemToPrincipalOnItsDate() {
        // the 20 days from 11 October to 30 October now count 8,037.97 of principal, not 10,000: the fees owed through 30 October
        // are 37.9726 + 8,037.97 x 0.154 x 20 / 365 = 105.80, not the 122.36 recorded; the later payment paid 122.36 - 37.97 =
        // 84.39 of them, 16.56 more than the 67.83 left owed, which pays principal on 31 October, as it would have in date order:
        // principal open 10,000 - 1,962.03 - 4,932.17 = 3,105.80
        fixture.given(laterPaymentRecordedFirst())
                .andGivenCommands(new RecordPayment(CUSTOMER, "P-EARLIER", EARLIER, cny("2000.00"), RecordPayment.Method.BANK_TRANSFER, null, List.of()))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEventsMatching(payloadsMatching(sequenceOf(
                        equalTo(new LateFeesCorrected(CUSTOMER, LATER, List.of(new LateFeeCorrection("INV-1", "T1", LATER.minusDays(1), cny("122.36"),
                                cny("105.80"), cny("16.56"), cny("16.56"))),
                                "late fees recorded on 2026-10-31 above those owed on the principal as the facts recorded since date it")),
                        equalTo(new UnappliedCreditApplied(CUSTOMER, "_late-fees@2026-10-31#2", LATER, cny("16.56"),
                                List.of(principal("INV-1", "T1", "16.56")), null)))));
    }

    private static List<Object> laterPaymentRecordedFirst() {
        return List.of(registered(), contractWithStagedTerms(), invoiced("INV-1", "10000.00", "2026-10-01"),
                new LateFeesAccrued(CUSTOMER, LATER, List.of(new LateFeeAccrual("INV-1", "T1", cny("122.36"), 29, LATER.minusDays(1), true))),
                new PaymentRecorded(CUSTOMER, "P-LATER", LATER, cny("5000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                        List.of(fees("122.36"), principal("INV-1", "T1", "4877.64")), cny("0.00")));
    }

    private static Allocation fees(String amount) {
        return new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, cny(amount));
    }
}
