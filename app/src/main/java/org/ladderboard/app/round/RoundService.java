package org.ladderboard.app.round;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RoundService {

    private final RoundRepository rounds;
    private final QuotaRepository quotas;
    private final RoundLadderRepository roundLadders;
    private final AuditLog audit;
    private final Clock clock;

    public RoundService(RoundRepository rounds, QuotaRepository quotas, RoundLadderRepository roundLadders, AuditLog audit,
                        Optional<Clock> clock) {
        this.rounds = rounds;
        this.quotas = quotas;
        this.roundLadders = roundLadders;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What became of a change to a round's held-out ladder. */
    public enum LadderChange {
        CHANGED, UNCHANGED, NO_SUCH_ROUND, NO_SUCH_LADDER, ALREADY_RELEASED, NOT_HELD_OUT;

        /** In words for the organizer, for a round and ladder the page or the API names. */
        public String sentence(String ladder) {
            return switch (this) {
                case CHANGED, UNCHANGED -> "ladder '" + ladder + "' saved";
                case NO_SUCH_ROUND -> "there is no such round";
                case NO_SUCH_LADDER -> "the round has no ladder named '" + ladder + "'";
                case ALREADY_RELEASED -> "ladder '" + ladder + "' was released already; a release is final";
                case NOT_HELD_OUT -> "ladder '" + ladder + "' is not held out, so there is nothing to release";
            };
        }
    }

    /**
     * Holds a round's ladder out (its results for judges and organizers only, see {@link LadderVisibility}) or makes it
     * public again; refused once it is released. Audited when it changes anything.
     */
    @Transactional
    public LadderChange setHeldOut(long roundId, String ladder, boolean heldOut, Account actor) {
        Optional<Round> round = rounds.findById(roundId);
        if (round.isEmpty()) {
            return LadderChange.NO_SUCH_ROUND;
        }
        Optional<RoundLadder> current = roundLadders.lock(roundId, ladder);
        if (current.isEmpty()) {
            return LadderChange.NO_SUCH_LADDER;
        }
        if (current.get().isReleased()) {
            return LadderChange.ALREADY_RELEASED;
        }
        if (current.get().heldOut() == heldOut) {
            return LadderChange.UNCHANGED;
        }
        roundLadders.setHeldOut(roundId, ladder, heldOut);
        audit.record(actor, heldOut ? "ladder held out" : "ladder made public", round.get().getName(), "ladder " + ladder);
        return LadderChange.CHANGED;
    }

    /** Releases a held-out ladder: from now on everyone who sees the round's results sees its results too. Final. */
    @Transactional
    public LadderChange release(long roundId, String ladder, Account actor) {
        Optional<Round> round = rounds.findById(roundId);
        if (round.isEmpty()) {
            return LadderChange.NO_SUCH_ROUND;
        }
        Optional<RoundLadder> current = roundLadders.lock(roundId, ladder);
        if (current.isEmpty()) {
            return LadderChange.NO_SUCH_LADDER;
        }
        if (current.get().isReleased()) {
            return LadderChange.ALREADY_RELEASED;
        }
        if (!current.get().heldOut()) {
            return LadderChange.NOT_HELD_OUT;
        }
        roundLadders.release(roundId, ladder, clock.instant());
        audit.record(actor, "held-out ladder released", round.get().getName(), "ladder " + ladder);
        return LadderChange.CHANGED;
    }

    /** The round's ladders that are held out and not released: a round edit may not take them off the round. */
    public java.util.Set<String> privateLadders(long roundId) {
        return roundLadders.of(roundId).stream().filter(RoundLadder::isPrivate).map(RoundLadder::ladder)
                .collect(java.util.stream.Collectors.toSet());
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
