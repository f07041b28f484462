package org.ladderboard.app.analysis;

import org.ladderboard.analysis.ScalingCurve;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ladderboard.analysis.ScalingCase;
import org.ladderboard.analysis.TrendVerdict;
import org.ladderboard.analysis.Verdict;

/** The words under a chart say what the chart shows: read from its points, printed as it prints them. */
class VerdictWordsTest {

    private final VerdictWords words = new VerdictWords();

    private static final List<String> MICRO = List.of("micro-40k", "micro-100k", "micro-300k", "micro-1m");
    private static final long[] PARAMETERS = {39_504, 105_696, 315_968, 1_000_576};

    /** A curve as the pages get it: per-example scores with the given mean per model, through the real verdict. */
    private static ScalingCurve curve(String view, double[] means, int n, double noise, long seed) {
        boolean lowerIsBetter = !view.equals("accuracy");
        SplittableRandom random = new SplittableRandom(seed);
        double[] difficulty = new double[n];
        for (int i = 0; i < n; i++) {
            difficulty[i] = noise * random.nextGaussian();
        }
        double[][] scores = new double[means.length][n];
        for (int m = 0; m < means.length; m++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                scores[m][i] = difficulty[i] + 0.5 * noise * random.nextGaussian();
                sum += scores[m][i];
            }
            for (int i = 0; i < n; i++) {
                scores[m][i] += means[m] - sum / n; // exactly the wanted mean
            }
        }
        double[] x = new double[means.length];
        for (int m = 0; m < means.length; m++) {
            x[m] = Math.log10(PARAMETERS[m]);
        }
        Verdict v = TrendVerdict.decide(new ScalingCase(x, scores, !lowerIsBetter, seed));
        return ScalingCurve.of("micro", view, "parameters (log scale)", lowerIsBetter, MICRO.subList(0, means.length),
                PARAMETERS, x, null, v, null);
    }

    /** Every model the same on every example: the ties of "all four models at 0.500". */
    private static ScalingCurve tiedAccuracy() {
        double[][] scores = new double[4][200];
        for (double[] model : scores) {
            for (int i = 0; i < model.length; i++) {
                model[i] = i % 2;
            }
        }
        double[] x = {4.6, 5.0, 5.5, 6.0};
        Verdict v = TrendVerdict.decide(new ScalingCase(x, scores, true, 1));
        return ScalingCurve.of("micro", "accuracy", "parameters (log scale)", false, MICRO, PARAMETERS, x, 0.5, v, null);
    }

    @Test
    void aZigzagSaysTheLargestModelIsTheWorstAndWhichModelBreaksTheTrend() {
        // 320 rows, loss 1.727 -> 2.264 -> 1.496 -> 2.334: the largest model is the worst
        ScalingCurve c = curve("loss", new double[] {1.727, 2.264, 1.496, 2.334}, 320, 0.8, 12);
        String headline = words.headline(c);
        String evidence = words.evidence(c);
        assertThat(headline).isEqualTo("Inverse scaling (approximately monotonic)");
        assertThat(headline + evidence).doesNotContain("better again").doesNotContain("U-shaped").doesNotContain("u_shaped");
        assertThat(evidence).contains("micro-300k breaks the trend: mean loss 1.496, better than micro-100k's 2.264 (beyond noise)")
                .contains("The largest model is the worst: 0.838 worse than the best (micro-300k).")
                .doesNotContain("The largest model is the best");
    }

    @Test
    void tiesAreTies() {
        ScalingCurve c = tiedAccuracy();
        assertThat(words.headline(c)).isEqualTo("Flat: no difference beyond noise");
        assertThat(words.evidence(c)).contains("All 4 models score the same (0.500): none is better than another.")
                .doesNotContain("largest model is the best");
    }

    @Test
    void theLargestModelTiedForTheBestIsSaidSo() {
        ScalingCurve c = curve("accuracy", new double[] {0.55, 0.60, 0.70, 0.70}, 1000, 0.3, 4);
        assertThat(words.evidence(c)).contains("The largest model ties for the best with micro-300k (0.700).");
    }

    @Test
    void aUSaysBetterAgainOnlyAtTheLargestModel() {
        ScalingCurve c = curve("accuracy", new double[] {0.70, 0.55, 0.62, 0.75}, 1000, 0.3, 6);
        assertThat(c.verdict().verdict()).isEqualTo("u_shaped");
        assertThat(words.headline(c)).isEqualTo("U-shaped: worse up to micro-100k, then better again at the largest model");
        assertThat(words.evidence(c)).contains("The curve turns at micro-100k (accuracy 0.550)").contains("The largest model is the best.");
    }

    /** Shapes are named by performance; on a loss chart an inverted U is drawn as a dip, and the words say so. */
    @Test
    void aTurnOnALowerIsBetterChartSaysWhichWayItIsDrawn() {
        ScalingCurve c = curve("loss", new double[] {0.9, 0.6, 0.4, 0.8}, 1000, 0.3, 6);
        assertThat(c.verdict().verdict()).isEqualTo("inverted_u");
        assertThat(words.headline(c)).isEqualTo(
                "Inverted U: better up to micro-300k, then worse at the largest model (drawn here as a dip: lower is better)");
    }

    @Test
    void aBumpyCurveNamesWhereItChangesDirection() {
        ScalingCurve c = curve("accuracy", new double[] {0.62, 0.66, 0.58, 0.646}, 1000, 0.3, 9);
        assertThat(c.verdict().verdict()).isEqualTo("inconclusive");
        assertThat(words.evidence(c)).contains("The curve changes direction at micro-100k (better than both neighbours) and "
                + "micro-300k (worse than both neighbours).");
    }

    @Test
    void generalityAndChartTitlesUseWordsNotCodes() {
        ScalingCurve zigzag = curve("loss", new double[] {1.727, 2.264, 1.496, 2.334}, 320, 0.8, 12);
        ScalingCurve u = curve("loss", new double[] {1.5, 2.0, 1.8, 1.4}, 1000, 0.8, 3);
        assertThat(u.verdict().verdict()).isEqualTo("u_shaped");
        List<ScalingCurve> both = new ArrayList<>(List.of(zigzag,
                new ScalingCurve("tiny", u.view(), u.xLabel(), true, u.points(), null, u.verdict(), u.examples(), null)));
        assertThat(words.generality(both, "loss"))
                .isEqualTo("Generality: inverse scaling on some ladders (1 of 2; micro: Inverse scaling, tiny: U-shaped).");
        String svg = new CurveChart(words).svg(zigzag);
        assertThat(svg).contains("<title>micro: mean loss (lower is better)</title>");
        for (String code : List.of("u_shaped", "inverted_u", "classification_acc", "logodds")) {
            assertThat(svg).doesNotContain(code);
            assertThat(words.generality(both, "loss")).doesNotContain(code);
        }
    }

    @Test
    void theSparklinePlotsTheChartsQuantityTheSameWayUp() {
        // loss rising with scale: the chart draws the largest model highest, and so must the sparkline
        String line = CurveChart.sparkline(new double[] {1.0, 2.0}, "loss", true, "inverse");
        assertThat(line).contains("points=\"4.0,20.0 96.0,4.0\"")
                .contains("<title>Inverse scaling: mean loss (lower is better), smallest to largest model: 1.000, 2.000</title>");
        String accuracy = CurveChart.sparkline(new double[] {0.7, 0.6}, "accuracy", false, "u_shaped");
        assertThat(accuracy).contains("points=\"4.0,4.0 96.0,20.0\"").contains("U-shaped: accuracy (higher is better)")
                .doesNotContain("u_shaped");
    }
}
