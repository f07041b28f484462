package org.ladderboard.app.round;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
public class RoundService {

    private final RoundRepository rounds;
    private final JdbcClient jdbc;
    private final Clock clock;

    public RoundService(RoundRepository rounds, JdbcClient jdbc, Optional<Clock> clock) {
        this.rounds = rounds;
        this.jdbc = jdbc;
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
        int used = jdbc.sql("""
                        select count(*) from submission
                        where account_id = :account and round_id = :round and created_at >= :since""")
                .param("account", account.getId()).param("round", round.getId()).param("since", java.sql.Timestamp.from(dayStart))
                .query(Integer.class).single();
        int failed = jdbc.sql("""
                        select (select count(*) from upload_attempt
                                where account_id = :account and round_id = :round and at >= :since and not accepted)
                             + (select count(*) from submission
                                where account_id = :account and round_id = :round and created_at >= :since
                                  and status = 'FAILED')""")
                .param("account", account.getId()).param("round", round.getId()).param("since", java.sql.Timestamp.from(dayStart))
                .query(Integer.class).single();
        return new Quota(round.getDailyLimit(), used, round.getFailedDailyLimit(), failed, resetsAt);
    }
}
