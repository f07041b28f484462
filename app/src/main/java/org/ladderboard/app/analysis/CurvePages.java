package org.ladderboard.app.analysis;

import java.util.List;
import java.util.function.UnaryOperator;

import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.app.round.VisibleLadders;
import org.springframework.stereotype.Service;

/**
 * A submission's stored curves as the submission page, the task card and the review page show them: each chart
 * with its verdict in words, the generality line, each part's curves under the part names the viewer may see, and
 * whether the curves are still being computed. Reads only; nothing here computes a verdict.
 */
@Service
public class CurvePages {

    /**
     * What a page shows of a submission's curves; {@code sweep} is its few-shot sweep (a curve per K), null for a
     * submission scored zero-shot only.
     */
    public record Shown(List<CurveView> curves, String generality, List<CurveView> partCurves, boolean beingComputed,
                        FewShotCurves.Sweep sweep) {
    }

    private final LadderAnalysis analysis;
    private final CurveChart chart;
    private final VerdictWords words;
    private final FewShotCurves fewShot;

    CurvePages(LadderAnalysis analysis, CurveChart chart, VerdictWords words, FewShotCurves fewShot) {
        this.analysis = analysis;
        this.chart = chart;
        this.words = words;
        this.fewShot = fewShot;
    }

    /**
     * {@code partName} turns a stored part name into the one this viewer may see; {@code ladders} keeps the curves,
     * and the generality drawn from them, to the ladders this viewer may see.
     */
    public Shown of(long submissionId, String taskType, UnaryOperator<String> partName, VisibleLadders ladders) {
        List<ScalingCurve> curves = analysis.curves(submissionId, taskType, ladders);
        return new Shown(curves.stream().map(this::view).toList(),
                words.generality(curves, ScalingCurve.views(taskType).get(0)),
                analysis.partCurves(submissionId, taskType, ladders).stream().map(c -> view(c.withPart(partName.apply(c.part())))).toList(),
                analysis.beingComputed(submissionId), fewShot.of(submissionId, taskType, ladders));
    }

    private CurveView view(ScalingCurve curve) {
        return CurveView.of(curve, chart, words);
    }
}
