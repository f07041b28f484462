package org.ladderboard.app.round;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.springframework.stereotype.Service;

@Service
public class RoundService {

    private final RoundRepository rounds;
    private final QuotaRepository quotas;
    private final Clock clock;

    public RoundService(RoundRepository rounds, QuotaRepository quotas, Optional<Clock> clock) {
        this.rounds = rounds;
        this.quotas = quotas;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The round the home page and the API call current: the open one, else the next, else the last. */
    public Optional<Round> current() {
        return rounds.byRelevance(clock.instant()).stream().findFirst();
    }

    public Optional<Round> openNow() {
        return current().filter(r -> r.isOpenAt(clock.instant()));
    }

    public Instant now() {
        return clock.instant();
    }

    public Quota quota(Round round, Account account) {
        Instant dayStart = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant resetsAt = dayStart.plusSeconds(24 * 3600);
        int used = quotas.submittedSince(account.getId(), round.getId(), dayStart);
        int failed = quotas.failedSince(account.getId(), round.getId(), dayStart);
        return new Quota(round.getDailyLimit(), used, round.getFailedDailyLimit(), failed, resetsAt);
    }
}
