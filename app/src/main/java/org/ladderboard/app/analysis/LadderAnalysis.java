package org.ladderboard.app.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.app.round.VisibleLadders;
import org.springframework.stereotype.Service;

/**
 * A submission's scaling curves and verdicts as pages show them: read from what was stored when its scoring finished
 * (the queue's {@code CurveStore} computes them, once). Nothing here computes a verdict, so no page waits for one;
 * a scored submission whose curves are not stored yet is "being computed".
 */
@Service
public class LadderAnalysis {

    private final CurveRepository curves;

    LadderAnalysis(CurveRepository curves) {
        this.curves = curves;
    }

    /**
     * The whole-submission curves of every ladder this viewer may see with at least two finished models, headline
     * view first.
     */
    public List<ScalingCurve> curves(long submissionId, String taskType, VisibleLadders shown) {
        return inViewOrder(shown.filter(curves.whole(submissionId), ScalingCurve::ladder), taskType);
    }

    /**
     * For a submission of several parts, each part's curves in every metric view on every ladder: parts are scored
     * and judged on their own as well as together.
     */
    public List<ScalingCurve> partCurves(long submissionId, String taskType, VisibleLadders shown) {
        return inViewOrder(shown.filter(curves.ofParts(submissionId), ScalingCurve::ladder), taskType);
    }

    /** Whether the submission is scored and its curves are still being computed (pages say so instead of waiting). */
    public boolean beingComputed(long submissionId) {
        return curves.beingComputed(submissionId);
    }

    /** What the leaderboard shows of one stored curve, read without parsing the curve. */
    public record Summary(long submissionId, String ladder, String view, String verdict, String strength,
                          double dropBestToLargest, boolean lowerIsBetter, double[] means) {
    }

    /**
     * The stored whole-submission curves of a round's scored submissions in one query, for the leaderboard, which
     * keeps each viewer to the ladders they may see.
     */
    public List<Summary> summaries(long roundId) {
        return curves.summaries(roundId);
    }

    /** One K's verdict of a few-shot sweep, as exports list it; {@code unfitModel} set when it was not plotted. */
    public record ShotVerdict(String ladder, String view, int shots, String verdict, String strength, String unfitModel) {
    }

    /** Every K's whole-submission verdicts (K = 0 included) when the submission has a few-shot sweep; else none. */
    public List<ShotVerdict> shotVerdicts(long submissionId) {
        return curves.sweep(submissionId).stream().map(c -> new ShotVerdict(c.curve().ladder(), c.curve().view(),
                c.shots(), c.curve().verdict().verdict(), c.curve().verdict().strength(), c.unfitModel())).toList();
    }

    /** A round's scored submissions whose curves are still being computed. */
    public Set<Long> beingComputedIn(long roundId) {
        return Set.copyOf(curves.beingComputedIn(roundId));
    }

    /**
     * Keeps the stored order (part, then ladder) and puts the views of each part and ladder in the task type's order,
     * the headline view first. The sort is stable, and consecutive curves of one part and ladder stay together.
     */
    private static List<ScalingCurve> inViewOrder(List<ScalingCurve> stored, String taskType) {
        List<String> views = ScalingCurve.views(taskType);
        List<String> groups = stored.stream().map(LadderAnalysis::group).distinct().toList();
        return stored.stream().sorted(Comparator.<ScalingCurve>comparingInt(c -> groups.indexOf(group(c)))
                .thenComparingInt(c -> views.indexOf(c.view()))).toList();
    }

    private static String group(ScalingCurve c) {
        return c.part() + "\u0000" + c.ladder();
    }
}
