package org.ladderboard.app.judging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ladderboard.analysis.TrendShape;
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

    private final ReviewRepository repository;

    Reviews(ReviewRepository repository) {
        this.repository = repository;
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
