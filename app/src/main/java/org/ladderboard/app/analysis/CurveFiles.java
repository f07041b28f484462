package org.ladderboard.app.analysis;

import org.ladderboard.analysis.ScalingCurve;
import java.util.Optional;

import org.ladderboard.app.round.VisibleLadders;

import org.springframework.stereotype.Service;

/** One stored curve found by ladder and metric, drawn as the downloads draw it. */
@Service
class CurveFiles {

    private final LadderAnalysis analysis;
    private final CurveChart chart;

    CurveFiles(LadderAnalysis analysis, CurveChart chart) {
        this.analysis = analysis;
        this.chart = chart;
    }

    /** Empty as well when the viewer may not see the ladder: a private ladder's chart is not there for them. */
    Optional<ScalingCurve> curve(long submissionId, String taskType, String ladder, String metric, VisibleLadders shown) {
        return analysis.curves(submissionId, taskType, shown).stream()
                .filter(c -> c.ladder().equals(ladder) && c.view().equals(metric)).findFirst();
    }

    String svg(ScalingCurve curve) {
        return chart.svg(curve);
    }

    byte[] png(ScalingCurve curve) {
        return chart.png(curve);
    }
}
