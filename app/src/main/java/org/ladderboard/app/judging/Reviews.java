package org.ladderboard.app.judging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ladderboard.analysis.TrendShape;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.audit.AuditLog;
import org.ladderboard.app.leaderboard.Leaderboard;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.round.Round;
import org.springframework.stereotype.Service;

/** Judges' reviews: one per (submission, judge), rewritten when the judge changes it. */
@Service
public class Reviews {

    /** A review as a judge filled it in; scores are null when the judge declared a conflict of interest. */
    public record Review(long submissionId, long judgeId, boolean conflictOfInterest, Map<Rubric, Integer> scores,
                         Map<Rubric, String> notes, String verdictOverride, String overrideReason) {
    }

    /** Aggregates for organizers: reviews counted, conflicts, mean per criterion, overrides. */
    public record Summary(long submissionId, int reviews, int conflicts, Map<Rubric, Double> means, List<String> overrides) {
    }

    /** A judge's review as organizers read it: who wrote it, and when. */
    public record Signed(String judge, java.time.Instant updatedAt, Review review) {
    }

    /**
     * A judge's review queue: the round's scored submissions by name; {@code standing} holds this judge's
     * "reviewed", "conflict of interest" or "your own task" by submission. {@code total} and {@code done} count
     * the submissions this judge may review (never their own).
     */
    public record Queue(Round round, boolean todo, int total, long done, List<Leaderboard.Row> rows,
                        Map<Long, String> standing, Map<Long, Summary> summaries) {
    }

    /** What became of a review sent in: problems by field (nothing saved), or the outcome of saving it. */
    public record Submitted(Outcome outcome, Map<String, String> problems) {

        public boolean saved() {
            return outcome == Outcome.SAVED;
        }
    }

    /** The longest note a criterion takes, as the form says. */
    public static final int NOTE_LIMIT = 1000;

    private static final List<String> VERDICTS = TrendShape.choices().stream().map(TrendShape::code).toList();

    private final ReviewRepository repository;
    private final Leaderboard leaderboard;
    private final AuditLog audit;
    private final LadderVisibility visibility;

    Reviews(ReviewRepository repository, Leaderboard leaderboard, AuditLog audit, LadderVisibility visibility) {
        this.visibility = visibility;
        this.repository = repository;
        this.leaderboard = leaderboard;
        this.audit = audit;
    }

    /**
     * The round's scored submissions by name, each with its number (two tasks may share a name); {@code todo} keeps
     * only those this judge still has to review. A judge's own submissions are marked and never counted as to do.
     */
    public Queue queue(Account judge, Round round, boolean todo) {
        List<Leaderboard.Row> rows = leaderboard.rows(round, visibility.inRound(round.getId(), judge), null, null, "name", false);
        Map<Long, String> standing = new HashMap<>(standingOf(judge.getId(), round.getId()));
        Set<Long> own = authoredBy(judge.getId(), round.getId());
        own.forEach(id -> standing.put(id, "your own task"));
        List<Leaderboard.Row> reviewable = rows.stream().filter(r -> !own.contains(r.id())).toList();
        return new Queue(round, todo, reviewable.size(), reviewable.stream().filter(r -> standing.containsKey(r.id())).count(),
                todo ? rows.stream().filter(r -> !standing.containsKey(r.id())).toList() : rows, standing,
                summaries(round.getId()));
    }

    /**
     * Why a review as typed cannot be saved, by field: every criterion scored 1 to 5 (unless it declares a conflict
     * of interest), notes within {@link #NOTE_LIMIT}, an override from the verdicts and with a reason.
     */
    public Map<String, String> problems(Review r) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Rubric c : Rubric.values()) {
            Integer score = r.scores() == null ? null : r.scores().get(c);
            if (!r.conflictOfInterest() && (score == null || score < 1 || score > 5)) {
                problems.put(c.column(), "score " + c.label().toLowerCase() + " from 1 to 5");
            }
            String note = r.notes() == null ? null : r.notes().get(c);
            if (note != null && note.strip().length() > NOTE_LIMIT) {
                problems.put(c.column() + "Note", "keep the note on " + c.label().toLowerCase() + " to " + NOTE_LIMIT
                        + " characters (it has " + note.strip().length() + ")");
            }
        }
        if (!r.conflictOfInterest() && r.verdictOverride() != null && !VERDICTS.contains(r.verdictOverride())) {
            problems.put("verdictOverride", "choose a verdict from the list");
        }
        if (!r.conflictOfInterest() && r.verdictOverride() != null && (r.overrideReason() == null || r.overrideReason().isBlank())) {
            problems.put("overrideReason", "give a reason for overriding the verdict");
        }
        return problems;
    }

    /**
     * Checks the review as typed and saves it if the rules of judging allow, audited. The review page and
     * {@code PUT /api/reviews/{id}} both come here.
     */
    public Submitted submit(Account judge, Review typed) {
        Map<String, String> problems = problems(typed);
        if (!problems.isEmpty()) {
            return new Submitted(null, problems);
        }
        Outcome outcome = save(typed);
        switch (outcome) {
            case OWN_SUBMISSION -> problems.put("review-form", "you submitted this task, so you cannot review it");
            case CONFLICT_DECLARED -> problems.put("conflictOfInterest", "you declared a conflict of interest with this "
                    + "task; it stands, and a review cannot replace it");
            case SAVED -> audit.record(judge, typed.conflictOfInterest() ? "conflict of interest" : "review",
                    "submission " + typed.submissionId(), typed.verdictOverride() == null || typed.conflictOfInterest() ? ""
                            : "verdict overridden to " + TrendShape.labelOf(typed.verdictOverride()) + ": " + typed.overrideReason().strip());
        }
        return new Submitted(outcome, problems);
    }

    /** Organizers read every judge's review; a judge reads only their own. */
    public static boolean readsEveryReview(Account reader) {
        return reader.getRole() == Role.ORGANIZER;
    }

    /** Every judge's review of a submission, for those who {@link #readsEveryReview}. */
    public List<Signed> all(long submissionId, Account reader) {
        if (!readsEveryReview(reader)) {
            throw new IllegalStateException("only organizers read every review");
        }
        return repository.all(submissionId);
    }

    /** What became of a review: saved, or refused because the rules of judging forbid it. */
    public enum Outcome {
        SAVED,
        /** nobody reviews a task they submitted, whatever role they hold now */
        OWN_SUBMISSION,
        /** a declared conflict of interest stands: it cannot be turned into a review afterwards */
        CONFLICT_DECLARED
    }

    /**
     * Writes the judge's review, or their declaration of a conflict of interest. Both rules are checked in the same
     * statement that writes, so no interleaving request can slip past them.
     */
    public Outcome save(Review r) {
        if (repository.saveUnlessRefused(r) == 1) {
            return Outcome.SAVED;
        }
        return isAuthor(r.submissionId(), r.judgeId()) ? Outcome.OWN_SUBMISSION : Outcome.CONFLICT_DECLARED;
    }

    public boolean isAuthor(long submissionId, long accountId) {
        return repository.isAuthor(submissionId, accountId);
    }

    /** The submissions of a round this account authored (a contestant later made a judge has some). */
    public Set<Long> authoredBy(long accountId, long roundId) {
        return repository.authoredBy(accountId, roundId);
    }

    /** Where one judge stands on each submission of a round they reviewed: "reviewed" or "conflict of interest". */
    public Map<Long, String> standingOf(long judgeId, long roundId) {
        Map<Long, String> standing = new HashMap<>();
        repository.conflictsOf(judgeId, roundId)
                .forEach((id, conflict) -> standing.put(id, conflict ? "conflict of interest" : "reviewed"));
        return standing;
    }

    public Optional<Review> find(long submissionId, long judgeId) {
        return repository.find(submissionId, judgeId);
    }

    /** Every judge's override of a submission's verdict with its reason, in words, shown beside the computed verdict. */
    public List<String> overrides(long submissionId) {
        return repository.overrides(submissionId).stream()
                .map(o -> TrendShape.labelOf(o.verdict()) + ": " + o.reason()).toList();
    }

    public Map<Long, Summary> summaries(long roundId) {
        Map<Long, Summary> out = new LinkedHashMap<>();
        for (ReviewRepository.Totals t : repository.totals(roundId)) {
            out.put(t.submissionId(), new Summary(t.submissionId(), t.reviews(), t.conflicts(), t.means(),
                    new ArrayList<>(overrides(t.submissionId()))));
        }
        return out;
    }
}
