package org.ladderboard.app.analysis;

import org.ladderboard.analysis.ScalingCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.stream.Collectors;

import org.ladderboard.analysis.TrendShape;
import org.ladderboard.analysis.TrendStrength;
import org.ladderboard.analysis.Verdict;
import org.springframework.stereotype.Component;

/**
 * A verdict and its evidence in plain words, for judges who should not need the statistics to trust it. Every
 * statement about the curve is read from the chart's own points and printed as the chart prints them, so the words
 * cannot say what the chart does not show: two models the chart shows at the same value are a tie.
 */
@Component
public class VerdictWords {

    public String headline(ScalingCurve curve) {
        Verdict v = curve.verdict();
        TrendShape shape = TrendShape.fromCode(v.verdict()).orElse(null);
        if (shape == null) {
            return TrendShape.labelOf(v.verdict());
        }
        return switch (shape) {
            case INVERSE, STANDARD -> v.strength() == null ? shape.label() : shape.label() + " (" + TrendStrength.labelOf(v.strength()) + ")";
            case U_SHAPED, INVERTED_U -> turnHeadline(curve, shape);
            case FLAT -> "Flat: no difference beyond noise";
            case INCONCLUSIVE -> "Inconclusive: the models differ, but in no clear shape";
            case INSUFFICIENT -> "Not enough models for a verdict";
        };
    }

    /** "Worse, then better again" only where the chart shows both ends better than the turning model. */
    private static String turnHeadline(ScalingCurve curve, TrendShape shape) {
        List<ScalingCurve.Point> points = curve.points();
        Integer turn = curve.verdict().turningModel();
        if (turn == null || turn <= 0 || turn >= points.size() - 1) {
            return shape.label();
        }
        ScalingCurve.Point at = points.get(turn);
        ScalingCurve.Point first = points.get(0);
        ScalingCurve.Point last = points.get(points.size() - 1);
        boolean valley = shape == TrendShape.U_SHAPED;
        boolean endsAgree = valley ? better(curve, first, at) && better(curve, last, at) : better(curve, at, first) && better(curve, at, last);
        if (!endsAgree) {
            return shape.label();
        }
        // shapes are named by performance, as the prize named them; on a chart where lower is better the drawn curve
        // is the mirror image, so say which way it is drawn
        String drawn = !curve.lowerIsBetter() ? "" : valley ? " (drawn here as a peak: lower is better)"
                : " (drawn here as a dip: lower is better)";
        return shape.label() + (valley ? ": worse up to " + at.model() + ", then better again at the largest model"
                : ": better up to " + at.model() + ", then worse at the largest model") + drawn;
    }

    /**
     * Generality as the prize judged it: inverse scaling on all of the ladders, on some, or on none, in the task's
     * headline metric.
     */
    public String generality(List<ScalingCurve> curves, String headlineView) {
        List<ScalingCurve> headline = curves.stream().filter(c -> c.view().equals(headlineView)).toList();
        if (headline.isEmpty()) {
            return "";
        }
        long inverse = headline.stream().filter(c -> c.verdict().verdict().equals(TrendShape.INVERSE.code())).count();
        String scope = inverse == headline.size() ? "on all ladders" : inverse == 0 ? "on none of the ladders" : "on some ladders";
        return f("Generality: inverse scaling %s (%d of %d; %s).", scope, inverse, headline.size(),
                headline.stream().map(c -> c.ladder() + ": " + TrendShape.labelOf(c.verdict().verdict()))
                        .collect(Collectors.joining(", ")));
    }

    /** How a page names a K of a few-shot sweep: "zero-shot", "1-shot", "4-shot". */
    public String shotsLabel(int shots) {
        return shots == 0 ? "zero-shot" : shots + "-shot";
    }

    /** A K's verdict in a sweep: "4-shot: Flat: no difference beyond noise". */
    public String perShot(int shots, ScalingCurve curve) {
        String label = shotsLabel(shots);
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": " + headline(curve);
    }

    /** A K whose prompts mostly do not fit: reported, not plotted. */
    public String unfit(int shots, String model, double share) {
        return f("K = %d: %.0f %% of prompts do not fit the context of %s; not plotted", shots, 100 * share, model);
    }

    /**
     * The paper's question for a few-shot sweep, in one sentence from the per-K verdicts of one view
     * ({@code verdicts}: K → verdict code, K = 0 included; K's whose prompts do not fit are left out by the caller and
     * named in {@code unfit}): does the inverse trend seen zero-shot go away with demonstrations?
     */
    public String demonstrations(String view, SortedMap<Integer, String> verdicts, List<Integer> unfit) {
        String zero = verdicts.get(0);
        List<Integer> shots = verdicts.keySet().stream().filter(k -> k > 0).toList();
        String left = unfit.isEmpty() ? "" : f(" (%s not judged: %s prompts do not fit)",
                and(unfit.stream().map(k -> "K = " + k).toList()), unfit.size() == 1 ? "its" : "their");
        if (zero == null || shots.isEmpty()) {
            return "";
        }
        String metric = ScalingCurve.metricName(view);
        StringBuilder s = new StringBuilder("Zero-shot ").append(trend(zero, metric));
        List<String> withs = new ArrayList<>();
        for (int k : shots) {
            String v = verdicts.get(k);
            boolean same = v.equals(zero);
            withs.add("with " + k + (k == 1 ? " demonstration " : " demonstrations ")
                    + (same && v.equals(TrendShape.INVERSE.code()) ? "it still does" : same ? "too" : trend(v, metric)));
        }
        s.append("; ").append(String.join(", ", withs)).append(": ");
        boolean inverseZeroShot = zero.equals(TrendShape.INVERSE.code());
        List<Integer> stillInverse = shots.stream().filter(k -> verdicts.get(k).equals(TrendShape.INVERSE.code())).toList();
        if (!inverseZeroShot) {
            s.append("there is no inverse trend zero-shot for demonstrations to remove");
        } else if (stillInverse.isEmpty()) {
            s.append("demonstrations remove the inverse trend");
        } else if (stillInverse.size() == shots.size()) {
            s.append("demonstrations do not remove the inverse trend");
        } else if (!stillInverse.contains(shots.get(shots.size() - 1))) {
            int from = shots.stream().filter(k -> k > stillInverse.get(stillInverse.size() - 1)).findFirst().orElseThrow();
            s.append("demonstrations remove the inverse trend from ").append(from).append(from == 1 ? " demonstration" : " demonstrations").append(" on");
        } else {
            s.append("demonstrations do not reliably remove the inverse trend");
        }
        return s.append(left).append('.').toString();
    }

    /** A verdict as the clause of a sentence: "the mean loss gets worse with scale". */
    private static String trend(String verdict, String metric) {
        return switch (TrendShape.fromCode(verdict).orElse(TrendShape.INCONCLUSIVE)) {
            case INVERSE -> "the " + metric + " gets worse with scale";
            case STANDARD -> "the " + metric + " gets better with scale";
            case FLAT -> "the trend is flat";
            case U_SHAPED -> "the " + metric + " gets worse, then better again (U-shaped)";
            case INVERTED_U -> "the " + metric + " gets better, then worse (inverted U)";
            case INCONCLUSIVE -> "the trend is inconclusive";
            case INSUFFICIENT -> "there are not enough models for a verdict";
        };
    }

    public String evidence(ScalingCurve curve) {
        Verdict v = curve.verdict();
        if (v.verdict().equals(TrendShape.INSUFFICIENT.code()) || curve.points().size() < 2) {
            return "";
        }
        String metric = ScalingCurve.metricName(curve.view());
        StringBuilder s = new StringBuilder();
        s.append(f("Over %d examples, the models %s (permutation test %s). ", curve.examples(),
                v.pModelsDiffer() < 0.05 ? "differ" : "do not clearly differ", p(v.pModelsDiffer())));
        // the verdict's slope is in performance; say it in the metric's own direction
        double sign = curve.lowerIsBetter() ? -1 : 1;
        double a = sign * v.betaInterval()[0];
        double b = sign * v.betaInterval()[1];
        s.append(f("Per tenfold increase in scale, %s changes by %+.3f (95%% interval %+.3f to %+.3f); "
                        + "a straight line through the models gets worse with scale in %.0f%% of bootstrap resamples. ",
                metric, sign * v.beta(), Math.min(a, b), Math.max(a, b), 100 * v.pBetaNegative()));
        s.append(shape(curve));
        s.append(largest(curve));
        return s.toString().trim();
    }

    /** Where the curve turns, or which models go against its trend, as the chart shows them. */
    private static String shape(ScalingCurve curve) {
        Verdict v = curve.verdict();
        List<ScalingCurve.Point> points = curve.points();
        String metric = ScalingCurve.metricName(curve.view());
        StringBuilder s = new StringBuilder();
        Integer turn = v.turningModel();
        boolean valley = v.verdict().equals(TrendShape.U_SHAPED.code());
        boolean peak = v.verdict().equals(TrendShape.INVERTED_U.code());
        if ((valley || peak) && turn != null && turn > 0 && turn < points.size() - 1) {
            ScalingCurve.Point at = points.get(turn);
            s.append(f("The curve turns at %s (%s %s): the smallest model (%s) and the largest (%s) are both %s in at least 99%% "
                            + "of resamples, and neither arm clearly goes back. ", at.model(), metric, CurveChart.number(at.mean()),
                    CurveChart.number(points.get(0).mean()), CurveChart.number(points.get(points.size() - 1).mean()),
                    valley ? "better" : "worse"));
        }
        // the direction each step should go for the verdict's shape: +1 better, -1 worse, 0 none
        int[] expected = new int[points.size() - 1];
        for (int m = 0; m < expected.length; m++) {
            expected[m] = switch (TrendShape.fromCode(v.verdict()).orElse(TrendShape.INCONCLUSIVE)) {
                case INVERSE -> -1;
                case STANDARD -> 1;
                case U_SHAPED -> turn != null && m < turn ? -1 : 1;
                case INVERTED_U -> turn != null && m < turn ? 1 : -1;
                default -> 0;
            };
        }
        if (expected.length > 0 && expected[0] != 0) {
            for (Verdict.Step step : v.steps()) {
                ScalingCurve.Point from = points.get(step.from());
                ScalingCurve.Point to = points.get(step.to());
                boolean against = expected[step.from()] > 0 ? better(curve, from, to) : better(curve, to, from);
                if (against) {
                    boolean clear = step.low() > 0 || step.high() < 0;
                    s.append(f("%s breaks the trend: %s %s, %s than %s's %s (%s). ", to.model(), metric, CurveChart.number(to.mean()),
                            better(curve, to, from) ? "better" : "worse", from.model(), CurveChart.number(from.mean()),
                            clear ? "beyond noise" : "within noise"));
                }
            }
        } else if (v.verdict().equals(TrendShape.INCONCLUSIVE.code())) {
            List<String> turns = new ArrayList<>();
            for (int m = 1; m + 1 < points.size(); m++) {
                ScalingCurve.Point before = points.get(m - 1);
                ScalingCurve.Point at = points.get(m);
                ScalingCurve.Point after = points.get(m + 1);
                boolean top = better(curve, at, before) && better(curve, at, after);
                boolean bottom = better(curve, before, at) && better(curve, after, at);
                if (top || bottom) {
                    turns.add(at.model() + " (" + (top ? "better" : "worse") + " than both neighbours)");
                }
            }
            if (!turns.isEmpty()) {
                s.append("The curve changes direction at ").append(String.join(" and ", turns)).append(". ");
            }
        }
        return s.toString();
    }

    /** The largest model against the best, with ties as the chart shows them. */
    private static String largest(ScalingCurve curve) {
        List<ScalingCurve.Point> points = curve.points();
        ScalingCurve.Point largest = points.get(points.size() - 1);
        ScalingCurve.Point best = points.get(0);
        ScalingCurve.Point worst = points.get(0);
        for (ScalingCurve.Point p : points) {
            best = better(curve, p, best) ? p : best;
            worst = better(curve, worst, p) ? p : worst;
        }
        final ScalingCurve.Point top = best;
        final ScalingCurve.Point bottom = worst;
        List<String> tiedBest = points.stream().filter(p -> p != largest && same(p, top)).map(ScalingCurve.Point::model).toList();
        List<String> tiedWorst = points.stream().filter(p -> p != largest && same(p, bottom)).map(ScalingCurve.Point::model).toList();
        if (same(top, bottom)) {
            return f("All %d models score the same (%s): none is better than another.", points.size(), CurveChart.number(largest.mean()));
        }
        if (same(largest, top)) {
            return tiedBest.isEmpty() ? "The largest model is the best."
                    : f("The largest model ties for the best with %s (%s).", and(tiedBest), CurveChart.number(largest.mean()));
        }
        String bests = and(points.stream().filter(p -> same(p, top)).map(ScalingCurve.Point::model).toList());
        String gap = CurveChart.number(Math.abs(top.mean() - largest.mean()));
        if (same(largest, bottom)) {
            return tiedWorst.isEmpty() ? f("The largest model is the worst: %s worse than the best (%s).", gap, bests)
                    : f("The largest model ties for the worst with %s: %s worse than the best (%s).", and(tiedWorst), gap, bests);
        }
        return f("The largest model is %s worse than the best (%s).", gap, bests);
    }

    /** a is better than b as the chart shows them: shown at the same value, neither is. */
    private static boolean better(ScalingCurve curve, ScalingCurve.Point a, ScalingCurve.Point b) {
        if (same(a, b)) {
            return false;
        }
        return curve.lowerIsBetter() ? a.mean() < b.mean() : a.mean() > b.mean();
    }

    private static boolean same(ScalingCurve.Point a, ScalingCurve.Point b) {
        return CurveChart.number(a.mean()).equals(CurveChart.number(b.mean()));
    }

    private static String and(List<String> names) {
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String p(double p) {
        return p < 0.001 ? "p < 0.001" : f("p = %.3f", p);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
