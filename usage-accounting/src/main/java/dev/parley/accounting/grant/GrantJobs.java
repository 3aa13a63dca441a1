package dev.parley.accounting.grant;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs grants and refills that have come due. */
@Component
class GrantJobs {

    private final GrantService grants;
    private final RefillService refills;
    private final Clock clock;

    GrantJobs(GrantService grants, RefillService refills, Clock clock) {
        this.grants = grants;
        this.refills = refills;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${parley.accounting.jobs.grants:PT30S}")
    void run() {
        grants.processDue(clock.instant());
        refills.refillDue(clock.instant());
    }
}
