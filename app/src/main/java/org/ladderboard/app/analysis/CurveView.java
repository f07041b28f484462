package org.ladderboard.app.analysis;

import org.ladderboard.analysis.ScalingCurve;

/** A curve ready for the page: its chart and its verdict in words. */
public record CurveView(ScalingCurve curve, String svg, String headline, String evidence) {

    public static CurveView of(ScalingCurve curve, CurveChart chart, VerdictWords words) {
        return new CurveView(curve, chart.svg(curve), words.headline(curve), words.evidence(curve));
    }
}
