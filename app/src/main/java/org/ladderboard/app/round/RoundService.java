package org.ladderboard.app.round;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.audit.AuditLog;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.app.scoring.ScoringControl;
import org.ladderboard.ladder.Ladder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds: which one is current, a contestant's quota, and what organizers change (settings, the leaderboard's
 * visibility, re-scoring). The round page and {@code /api/rounds} both go through here, so a rule holds for both.
 */
@Service
public class RoundService {

    /** A round's settings as an organizer gives them (on the form, or in the API's JSON). */
    public record Settings(String name, String description, Instant opensAt, Instant closesAt, int minExamples,
                           int dailyLimit, int failedDailyLimit, List<String> ladders) {
    }

    /** What saving settings gave: the round saved, or each problem by the field it is about (nothing saved). */
    public record Saved(Round round, Map<String, String> problems) {

        public boolean saved() {
            return problems.isEmpty();
        }
    }

    private final RoundRepository rounds;
    private final QuotaRepository quotas;
    private final RoundLadderRepository roundLadders;
    private final Clock clock;
    private final LadderRegistry ladders;
    private final AuditLog audit;
    private final ScoringControl scoring;

    public RoundService(RoundRepository rounds, QuotaRepository quotas, RoundLadderRepository roundLadders,
                        Optional<Clock> clock, LadderRegistry ladders, AuditLog audit, ScoringControl scoring) {
        this.rounds = rounds;
        this.quotas = quotas;
        this.roundLadders = roundLadders;
        this.clock = clock.orElse(Clock.systemUTC());
        this.ladders = ladders;
        this.audit = audit;
        this.scoring = scoring;
    }

    /** Every round, the latest to open first. */
    public List<Round> all() {
        return rounds.findAll().stream().sorted(Comparator.comparing(Round::getOpensAt).reversed()).toList();
    }

    public Optional<Round> find(long id) {
        return rounds.findById(id);
    }

    /** Why these settings cannot be saved, by field; empty when they can. A time that could not be read is null. */
    public Map<String, String> problems(Settings s) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (s.opensAt() == null) {
            problems.put("opensAt", "when the round opens is not a date and time");
        }
        if (s.closesAt() == null) {
            problems.put("closesAt", "when the round closes is not a date and time");
        }
        String name = s.name() == null ? "" : s.name().strip();
        if (name.isEmpty()) {
            problems.put("name", "give the round a name");
        } else if (name.length() > Round.NAME_MAX) {
            problems.put("name", "the name has " + name.length() + " characters; use at most " + Round.NAME_MAX + " characters");
        }
        if (s.opensAt() != null && s.closesAt() != null && !s.closesAt().isAfter(s.opensAt())) {
            problems.put("closesAt", "the round must close after it opens");
        }
        if (s.minExamples() < 1) {
            problems.put("minExamples", "a submission needs at least 1 example");
        }
        if (s.dailyLimit() < 0) {
            problems.put("dailyLimit", "give a daily limit of 0 or more");
        }
        if (s.failedDailyLimit() < 0) {
            problems.put("failedDailyLimit", "give a limit on failed uploads of 0 or more");
        }
        List<String> chosen = s.ladders() == null ? List.of() : s.ladders();
        List<String> unknown = chosen.stream().filter(l -> ladders.find(l).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            problems.put("ladders", "no ladder named " + String.join(", ", unknown));
        } else if (chosen.isEmpty()) {
            // a round without a ladder would accept uploads that nothing can ever score
            problems.put("ladders", "choose at least one ladder to score the round on");
        }
        return problems;
    }

    /** Creates a round ({@code existing} null) or changes one, audited; nothing is saved when there is a problem. */
    @Transactional
    public Saved save(Round existing, Settings s, Account organizer) {
        Map<String, String> problems = problems(s);
        if (existing != null && !problems.containsKey("ladders")) {
            // its results would lose their held-out state with the row: release it, or make it public, first
            privateLadders(existing.getId()).stream().filter(l -> !s.ladders().contains(l)).sorted().findFirst()
                    .ifPresent(l -> problems.put("ladders",
                            "ladder " + l + " is held out: release it or make it public before taking it off the round"));
        }
        if (!problems.isEmpty()) {
            return new Saved(existing, problems);
        }
        Round round = existing == null ? new Round(s.name().strip(), s.opensAt(), s.closesAt()) : existing;
        round.setSchedule(s.name().strip(), s.opensAt(), s.closesAt());
        round.setDescription(s.description());
        round.setMinExamples(s.minExamples());
        round.setDailyLimit(s.dailyLimit());
        round.setFailedDailyLimit(s.failedDailyLimit());
        round.setLadders(new LinkedHashSet<>(s.ladders()));
        rounds.save(round);
        audit.record(organizer, existing == null ? "round created" : "round edited", round.getName(),
                s.opensAt() + " to " + s.closesAt() + ", ladders " + s.ladders());
        return new Saved(round, Map.of());
    }

    /**
     * Scores every scored or failed submission of the round again (after a ladder changed, say): their scores and
     * aggregates are dropped and one job per current ladder model is queued. Returns how many.
     */
    @Transactional
    public int rescore(Round round, Account organizer) {
        List<Ladder> roundLadders = round.getLadders().stream().flatMap(name -> ladders.find(name).stream()).toList();
        int rescored = scoring.rescoreRound(round.getId(), roundLadders, organizer);
        audit.record(organizer, "round re-scored", round.getName(), rescored + " submissions");
        return rescored;
    }

    /** Shows the round's leaderboard to contestants, or hides it again (judges and organizers always see it). */
    @Transactional
    public void reveal(Round round, boolean revealed, Account organizer) {
        round.setLeaderboardRevealed(revealed);
        rounds.save(round);
        audit.record(organizer, revealed ? "leaderboard revealed" : "leaderboard hidden", "round " + round.getId(), "");
    }

    /** While revealed, shows the leaderboard to visitors who are not signed in as well; or stops that. */
    @Transactional
    public void makePublic(Round round, boolean visible, Account organizer) {
        round.setLeaderboardPublic(visible);
        rounds.save(round);
        audit.record(organizer, visible ? "leaderboard made public" : "leaderboard made private", "round " + round.getId(), "");
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
