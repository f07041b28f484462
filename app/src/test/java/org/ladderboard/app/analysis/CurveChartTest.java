package org.ladderboard.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.ladderboard.analysis.ScalingCase;
import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.analysis.TrendVerdict;
import org.ladderboard.analysis.Verdict;

/** The SVG and the PNG of a curve come from one renderer and show the same marks. */
class CurveChartTest {

    private final VerdictWords words = new VerdictWords();
    private final CurveChart chart = new CurveChart(words);

    private static ScalingCurve accuracyCurve() {
        List<String> models = List.of("micro-40k", "micro-100k", "micro-300k", "micro-1m");
        long[] parameters = {39_504, 105_696, 315_968, 1_000_576};
        double[] x = new double[4];
        double[][] scores = new double[4][40];
        for (int m = 0; m < 4; m++) {
            x[m] = Math.log10(parameters[m]);
            for (int i = 0; i < 40; i++) {
                scores[m][i] = i % 4 < 3 - m ? 1 : 0; // worse with every step of scale
            }
        }
        Verdict verdict = TrendVerdict.decide(new ScalingCase(x, scores, true, 7));
        return ScalingCurve.of("micro", "accuracy", "parameters (log scale)", false, models, parameters, x, 0.5, verdict, null);
    }

    @Test
    void theSvgHasOnePointPerModelWithItsValuesAndTheChanceLine() {
        ScalingCurve curve = accuracyCurve();
        String svg = chart.svg(curve);
        assertThat(svg.split("<circle", -1)).hasSize(5);
        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("<title>micro: accuracy (higher is better)</title>")
                .contains("micro-40k (39,504 parameters): 0.750, 95% interval")
                .contains("chance: 0.500").contains("stroke-dasharray=\"6 4\"")
                .contains(">parameters (log scale)</text>").contains(">1.0M</text>");
    }

    @Test
    void thePngIsTheSameDrawingOnABitmap() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png(accuracyCurve())));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
        int curvePixels = 0;
        int chancePixels = 0;
        for (int px = 0; px < image.getWidth(); px++) {
            for (int py = 0; py < image.getHeight(); py++) {
                int rgb = image.getRGB(px, py) & 0xffffff;
                curvePixels += rgb == 0x0b57d0 ? 1 : 0;
                chancePixels += rgb == 0xb3261e ? 1 : 0;
            }
        }
        assertThat(curvePixels).as("the curve, its points and intervals").isGreaterThan(200);
        assertThat(chancePixels).as("the dashed chance line").isGreaterThan(50);
    }
}
