package org.ladderboard.app.analysis;

import java.util.List;

import org.ladderboard.analysis.ScalingCurve;
import java.util.Optional;

import org.ladderboard.app.round.VisibleLadders;

import org.springframework.stereotype.Service;

/** One stored curve found by ladder and metric, drawn as the downloads draw it. */
@Service
class CurveFiles {

    private final LadderAnalysis analysis;
    private final CurveChart chart;
    private final FewShotCurves fewShot;

    CurveFiles(LadderAnalysis analysis, CurveChart chart, FewShotCurves fewShot) {
        this.analysis = analysis;
        this.chart = chart;
        this.fewShot = fewShot;
    }

    /** A few-shot sweep's chart of one ladder and view: its plotted K's; empty when it has none. */
    List<CurveChart.Series> sweep(long submissionId, String ladder, String view) {
        return fewShot.series(submissionId, ladder, view);
    }

    String svg(List<CurveChart.Series> series) {
        return chart.svg(series, series.get(0).curve().metric() + ", one curve per K");
    }

    byte[] png(List<CurveChart.Series> series) {
        return chart.png(series, series.get(0).curve().metric() + ", one curve per K");
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
