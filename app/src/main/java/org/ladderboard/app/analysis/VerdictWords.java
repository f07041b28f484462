package org.ladderboard.app.analysis;

import java.util.Locale;

import org.ladderboard.analysis.Verdict;
import org.springframework.stereotype.Component;

/** A verdict and its evidence in plain words, for judges who should not need the statistics to trust it. */
@Component
public class VerdictWords {

    public String headline(ScalingCurve curve) {
        Verdict v = curve.verdict();
        return switch (v.verdict()) {
            case "inverse" -> "Inverse scaling (" + strength(v.strength()) + ")";
            case "standard" -> "Standard scaling (" + strength(v.strength()) + ")";
            case "u_shaped" -> "U-shaped: worse, then better again";
            case "inverted_u" -> "Inverted U: better, then worse";
            case "flat" -> "Flat: no difference beyond noise";
            case "inconclusive" -> "Inconclusive: the models differ, but in no clear shape";
            default -> "Not enough models for a verdict";
        };
    }

    /**
     * Generality as the prize judged it: inverse scaling on all of the ladders, on some, or on none, in the task's
     * headline metric.
     */
    public String generality(java.util.List<ScalingCurve> curves, String headlineView) {
        java.util.List<ScalingCurve> headline = curves.stream().filter(c -> c.view().equals(headlineView)).toList();
        if (headline.isEmpty()) {
            return "";
        }
        long inverse = headline.stream().filter(c -> c.verdict().verdict().equals("inverse")).count();
        String scope = inverse == headline.size() ? "on all ladders" : inverse == 0 ? "on none of the ladders" : "on some ladders";
        return String.format(Locale.ROOT, "Generality: inverse scaling %s (%d of %d, %s).", scope, inverse, headline.size(),
                headline.stream().map(c -> c.ladder() + ": " + c.verdict().verdict()).collect(java.util.stream.Collectors.joining(", ")));
    }

    public String evidence(ScalingCurve curve) {
        Verdict v = curve.verdict();
        if (v.verdict().equals("insufficient")) {
            return "";
        }
        String metric = curve.view().equals("accuracy") ? "accuracy" : curve.view().equals("logodds") ? "log-odds difference" : "loss";
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Over %d examples, the models %s (permutation test %s). ", curve.examples(),
                v.pModelsDiffer() < 0.05 ? "differ" : "do not clearly differ", p(v.pModelsDiffer())));
        // the verdict's slope is in performance; say it in the metric's own direction
        double sign = curve.lowerIsBetter() ? -1 : 1;
        double a = sign * v.betaInterval()[0];
        double b = sign * v.betaInterval()[1];
        s.append(String.format(Locale.ROOT, "Per tenfold increase in scale, mean %s changes by %+.3f (95%% interval %+.3f to %+.3f); ",
                metric, sign * v.beta(), Math.min(a, b), Math.max(a, b)));
        s.append(String.format(Locale.ROOT, "it gets worse with scale in %.0f%% of bootstrap resamples. ", 100 * v.pBetaNegative()));
        if (v.turningModel() != null) {
            s.append("The curve turns at ").append(curve.points().get(v.turningModel()).model()).append(", and both arms hold in 99% of resamples. ");
        }
        if (v.dropBestToLargest() > 0) {
            s.append(String.format(Locale.ROOT, "The largest model is %.3f worse than the best (%s).", v.dropBestToLargest(),
                    best(curve)));
        } else {
            s.append("The largest model is the best.");
        }
        return s.toString();
    }

    private static String best(ScalingCurve curve) {
        ScalingCurve.Point best = curve.points().get(0);
        for (ScalingCurve.Point p : curve.points()) {
            if (curve.lowerIsBetter() ? p.mean() < best.mean() : p.mean() > best.mean()) {
                best = p;
            }
        }
        return best.model();
    }

    private static String strength(String strength) {
        return switch (strength) {
            case "strict" -> "strictly monotonic";
            case "monotonic" -> "monotonic";
            default -> "approximately monotonic";
        };
    }

    private static String p(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }
}
