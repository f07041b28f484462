package org.ladderboard.analysis;

import java.util.ArrayList;
import java.util.List;


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

    /**
     * The curve of a verdict: the verdict works in performance (higher is better), the chart and its words in the
     * metric itself, so means and intervals are turned back here, once.
     */
    public static ScalingCurve of(String ladder, String view, String xLabel, boolean lowerIsBetter, List<String> models,
                                  long[] parameters, double[] x, Double baseline, Verdict verdict, String part) {
        List<Point> points = new ArrayList<>();
        double sign = lowerIsBetter ? -1 : 1;
        for (int m = 0; m < models.size(); m++) {
            double a = sign * verdict.meanIntervals()[m][0];
            double b = sign * verdict.meanIntervals()[m][1];
            points.add(new Point(models.get(m), parameters[m], x[m], sign * verdict.means()[m], Math.min(a, b), Math.max(a, b)));
        }
        return new ScalingCurve(ladder, view, xLabel, lowerIsBetter, points, baseline, verdict, verdict.examples(), part);
    }

    /** The metric views of a task type, the headline one first: the views a submission's curves are drawn in. */
    public static List<String> views(String taskType) {
        return switch (taskType) {
            case "classification" -> List.of("loss", "accuracy");
            case "classification_acc" -> List.of("accuracy", "loss");
            case "sequence_prob" -> List.of("loss");
            default -> List.of("logodds");
        };
    }

    /** What the curve plots, as the chart's axis and every page name it, e.g. "mean loss (lower is better)". */
    public String metric() {
        return metric(view, lowerIsBetter);
    }

    /** The quantity a view plots and which way is better, for places that have only the view. */
    public static String metric(String view, boolean lowerIsBetter) {
        return metricName(view) + (lowerIsBetter ? " (lower is better)" : " (higher is better)");
    }

    /** The quantity a view plots, e.g. "mean loss". */
    public static String metricName(String view) {
        return switch (view) {
            case "accuracy" -> "accuracy";
            case "logodds" -> "mean log-odds difference";
            default -> "mean loss";
        };
    }
}
