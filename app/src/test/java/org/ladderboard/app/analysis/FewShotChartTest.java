package org.ladderboard.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.ladderboard.analysis.ScalingCase;
import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.analysis.TrendVerdict;
import org.ladderboard.analysis.Verdict;

/**
 * A few-shot sweep's chart (a curve per K on the same axes, with a legend, SVG and PNG from the one renderer) and its
 * words: a verdict per K, a K that does not fit, and the one sentence on whether demonstrations remove the inverse
 * trend.
 */
class FewShotChartTest {

    private final VerdictWords words = new VerdictWords();
    private final CurveChart chart = new CurveChart(words);

    /** Accuracy per model: {@code right[m]} of every 4 examples right. */
    private static ScalingCurve accuracy(int... right) {
        List<String> models = List.of("micro-40k", "micro-100k", "micro-300k", "micro-1m");
        long[] parameters = {39_504, 105_696, 315_968, 1_000_576};
        double[] x = new double[4];
        double[][] scores = new double[4][40];
        for (int m = 0; m < 4; m++) {
            x[m] = Math.log10(parameters[m]);
            for (int i = 0; i < 40; i++) {
                scores[m][i] = i % 4 < right[m] ? 1 : 0;
            }
        }
        Verdict verdict = TrendVerdict.decide(new ScalingCase(x, scores, true, 7));
        return ScalingCurve.of("micro", "accuracy", "parameters (log scale)", false, models, parameters, x, 0.5, verdict, null);
    }

    @Test
    void severalCurvesShareTheAxesWithALegendInSvgAndPng() throws Exception {
        List<CurveChart.Series> series = List.of(new CurveChart.Series("zero-shot", accuracy(3, 2, 1, 0)),
                new CurveChart.Series("4-shot", accuracy(2, 2, 2, 2)));
        String svg = chart.svg(series, "accuracy (higher is better), one curve per K");
        assertThat(svg.split("<polyline", -1)).as("one line per K").hasSize(3);
        assertThat(svg.split("<circle", -1)).as("a point per model and K").hasSize(9);
        assertThat(svg).contains("<title>micro: accuracy (higher is better), one curve per K</title>")
                .contains(">zero-shot</text>").contains(">4-shot</text>")
                .contains("zero-shot, micro-40k (39,504 parameters): 0.750").contains("4-shot, micro-1m (1,000,576 parameters): 0.500")
                .contains("stroke=\"#e69f00\"");
        assertThat(svg.split(">micro-40k</text>", -1)).as("each model's tick once").hasSize(2);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(chart.png(series, "accuracy, one curve per K")));
        assertThat(png.getWidth()).isEqualTo(800);
        int first = 0;
        int second = 0;
        for (int px = 0; px < png.getWidth(); px++) {
            for (int py = 0; py < png.getHeight(); py++) {
                int rgb = png.getRGB(px, py) & 0xffffff;
                first += rgb == 0x0b57d0 ? 1 : 0;
                second += rgb == 0xe69f00 ? 1 : 0;
            }
        }
        assertThat(first).as("the zero-shot curve's colour").isGreaterThan(100);
        assertThat(second).as("the 4-shot curve's colour").isGreaterThan(100);
    }

    @Test
    void aSingleCurveHasNoLegend() {
        String svg = chart.svg(accuracy(3, 2, 1, 0));
        assertThat(svg).doesNotContain("zero-shot").contains("micro-40k (39,504 parameters): 0.750");
    }

    private static TreeMap<Integer, String> verdicts(Object... kv) {
        TreeMap<Integer, String> map = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((Integer) kv[i], (String) kv[i + 1]);
        }
        return map;
    }

    @Test
    void theSentenceAnswersWhetherDemonstrationsRemoveTheInverseTrend() {
        Map<String, String> cases = Map.of(
                words.demonstrations("loss", verdicts(0, "inverse", 4, "flat"), List.of()),
                "Zero-shot the mean loss gets worse with scale; with 4 demonstrations the trend is flat: "
                        + "demonstrations remove the inverse trend.",
                words.demonstrations("loss", verdicts(0, "inverse", 1, "inverse", 4, "inverse"), List.of()),
                "Zero-shot the mean loss gets worse with scale; with 1 demonstration it still does, with 4 demonstrations "
                        + "it still does: demonstrations do not remove the inverse trend.",
                words.demonstrations("accuracy", verdicts(0, "inverse", 1, "inverse", 2, "standard", 4, "flat"), List.of()),
                "Zero-shot the accuracy gets worse with scale; with 1 demonstration it still does, with 2 demonstrations "
                        + "the accuracy gets better with scale, with 4 demonstrations the trend is flat: "
                        + "demonstrations remove the inverse trend from 2 demonstrations on.",
                words.demonstrations("loss", verdicts(0, "inverse", 1, "flat", 4, "inverse"), List.of()),
                "Zero-shot the mean loss gets worse with scale; with 1 demonstration the trend is flat, with 4 "
                        + "demonstrations it still does: demonstrations do not reliably remove the inverse trend.",
                words.demonstrations("loss", verdicts(0, "flat", 2, "inverse"), List.of()),
                "Zero-shot the trend is flat; with 2 demonstrations the mean loss gets worse with scale: there is no "
                        + "inverse trend zero-shot for demonstrations to remove.",
                words.demonstrations("loss", verdicts(0, "inverse", 2, "flat"), List.of(8)),
                "Zero-shot the mean loss gets worse with scale; with 2 demonstrations the trend is flat: demonstrations "
                        + "remove the inverse trend (K = 8 not judged: its prompts do not fit).");
        cases.forEach((actual, expected) -> assertThat(actual).isEqualTo(expected));
        assertThat(words.demonstrations("loss", verdicts(0, "inverse"), List.of(4))).as("no K to compare").isEmpty();
    }

    @Test
    void eachKHasItsVerdictAndAKThatDoesNotFitSaysSo() {
        assertThat(words.perShot(0, accuracy(3, 2, 1, 0))).isEqualTo("Zero-shot: " + words.headline(accuracy(3, 2, 1, 0)));
        assertThat(words.perShot(4, accuracy(2, 2, 2, 2))).startsWith("4-shot: ");
        assertThat(words.unfit(8, "micro-40k", 0.734))
                .isEqualTo("K = 8: 73 % of prompts do not fit the context of micro-40k; not plotted");
    }
}
