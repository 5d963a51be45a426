package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.shared.NeverAbsent;
import io.collectionsledger.ledger.http.Caller;
import io.collectionsledger.ledger.http.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's answer to the chain's alarm, once the tampering it found has been looked into. */
@RestController
@Tag(name = "Administration")
class ChainAdminController {

    private final ChainAlarm alarm;
    private final Chainer chainer;

    ChainAdminController(ChainAlarm alarm, Chainer chainer) {
        this.alarm = alarm;
        this.chainer = chainer;
    }

    record Resumed(@NeverAbsent String finding, @NeverAbsent Instant raisedAt, @NeverAbsent String raisedBy, @NeverAbsent String resumedBy) {
    }

    /** Answers JSON only, so that a client that accepts nothing of the kind is told 406 before anything is resumed. */
    @PostMapping(value = "/admin/audit/chain/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resume the hash chain after its alarm: the chainer goes on from the chain as it is now (restore altered "
            + "rows from a backup first, or the verification raises the alarm again); who resumed it is logged and kept with the finding")
    Resumed resume() {
        Caller caller = Caller.current();
        String who = caller.principal() + " (client " + caller.clientId() + ")";
        ChainAlarm.Alarm resumed = alarm.resume(who);
        chainer.resume();
        return new Resumed(resumed.finding(), resumed.raisedAt(), resumed.raisedBy(), who);
    }

    @ExceptionHandler
    ProblemDetail nothingToResume(NothingToResume e) {
        return Problems.of(HttpStatus.CONFLICT, "nothing-to-resume", "Nothing to resume", e.getMessage());
    }
}
