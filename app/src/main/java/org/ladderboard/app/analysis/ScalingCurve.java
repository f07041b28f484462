package org.ladderboard.app.analysis;

import java.util.List;

import org.ladderboard.analysis.Verdict;

/**
 * One ladder's curve for one metric view: each model's mean with its 95 % paired-bootstrap interval, the chance
 * baseline, and the trend verdict.
 *
 * @param view         {@code loss}, {@code accuracy} or {@code logodds}
 * @param lowerIsBetter true for loss and log-odds differences
 * @param examples     examples every model scored (examples a tokenizer could not score are left out of all)
 * @param part         the part the curve is drawn for, or null for all parts together
 */
public record ScalingCurve(String ladder, String view, String xLabel, boolean lowerIsBetter, List<Point> points,
                           Double baseline, Verdict verdict, int examples, String part) {

    /** A model on the curve: x is log10 of its scale; mean, low and high are in the metric's own units. */
    public record Point(String model, long parameters, double x, double mean, double low, double high) {
    }

    /** The same curve under another part name (a judge sees part labels, not file names). */
    public ScalingCurve withPart(String partName) {
        return new ScalingCurve(ladder, view, xLabel, lowerIsBetter, points, baseline, verdict, examples, partName);
    }
}
