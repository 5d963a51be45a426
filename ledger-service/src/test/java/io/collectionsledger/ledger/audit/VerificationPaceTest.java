package io.collectionsledger.ledger.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationPaceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void the_first_verification_is_due_at_once() {
        assertThat(new VerificationPace(0.1).due(-5 * SECOND)).isTrue();
    }

    @Test
    void a_verification_that_took_15_s_at_a_tenth_of_the_time_rests_135_s() {
        VerificationPace pace = new VerificationPace(0.1);
        pace.ran(100 * SECOND, 115 * SECOND);

        assertThat(pace.due(115 * SECOND + 134 * SECOND)).isFalse();
        assertThat(pace.due(115 * SECOND + 135 * SECOND)).isTrue();
    }

    @Test
    void a_quick_verification_leaves_the_interval_alone() {
        VerificationPace pace = new VerificationPace(0.1);
        pace.ran(0, SECOND / 100);

        // the scheduler's interval (30 s by default) is far longer than the 90 ms of rest
        assertThat(pace.due(30 * SECOND)).isTrue();
    }

    @Test
    void the_whole_of_the_time_means_no_rest() {
        VerificationPace pace = new VerificationPace(1);
        pace.ran(0, 60 * SECOND);

        assertThat(pace.due(60 * SECOND)).isTrue();
    }

    @Test
    void a_share_outside_zero_to_one_is_refused_at_start() {
        assertThatThrownBy(() -> new VerificationPace(0)).hasMessageContaining("ledger.audit.verify-share");
        assertThatThrownBy(() -> new VerificationPace(1.5)).hasMessageContaining("ledger.audit.verify-share");
    }
}
