package org.ladderboard.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ladderboard.analysis.SyntheticLadders.Shape;

class TrendVerdictTest {

    @Test
    void identicalInputGivesIdenticalOutput() {
        ScalingCase c = SyntheticLadders.accuracyCase(Shape.DOWN, 5, 300, 0.05, 0.3, 42);
        Verdict a = TrendVerdict.decide(c);
        Verdict b = TrendVerdict.decide(SyntheticLadders.accuracyCase(Shape.DOWN, 5, 300, 0.05, 0.3, 42));
        assertThat(b).usingRecursiveComparison().isEqualTo(a);
    }

    @Test
    void aClearInverseLadderReportsItsEvidence() {
        Verdict v = TrendVerdict.decide(SyntheticLadders.accuracyCase(Shape.DOWN, 4, 1000, 0.15, 0.3, 7));
        assertThat(v.verdict()).isEqualTo("inverse");
        assertThat(v.strength()).isEqualTo("strict");
        assertThat(v.beta()).isNegative();
        assertThat(v.betaInterval()[1]).isNegative();
        assertThat(v.pBetaNegative()).isEqualTo(1.0);
        assertThat(v.pModelsDiffer()).isLessThan(0.01);
        assertThat(v.spearman()).isCloseTo(-1, within(1e-12));
        assertThat(v.dropBestToLargest()).isCloseTo(v.means()[0] - v.means()[3], within(1e-12));
        assertThat(v.steps()).hasSize(3).allMatch(s -> s.high() < 0);
        for (int m = 0; m < 4; m++) {
            assertThat(v.meanIntervals()[m][0]).isLessThan(v.means()[m]);
            assertThat(v.meanIntervals()[m][1]).isGreaterThan(v.means()[m]);
        }
    }

    @Test
    void lossIsTurnedIntoPerformance() {
        // loss falling with scale is standard scaling
        double[][] loss = {{3, 3.1, 2.9, 3.2, 3.0, 3.1}, {2, 2.1, 1.9, 2.2, 2.0, 2.1}, {1, 1.1, 0.9, 1.2, 1.0, 1.1}};
        Verdict v = TrendVerdict.decide(new ScalingCase(new double[] {7, 8, 9}, loss, false, 1));
        assertThat(v.verdict()).isEqualTo("standard");
        assertThat(v.means()[2]).isGreaterThan(v.means()[0]);
    }

    @Test
    void twoModelsCannotMakeAU_andOneModelIsInsufficient() {
        Verdict two = TrendVerdict.decide(SyntheticLadders.accuracyCase(Shape.UP, 2, 1000, 0.2, 0.3, 3));
        assertThat(two.verdict()).isEqualTo("standard");
        assertThat(TrendVerdict.decide(new ScalingCase(new double[] {7}, new double[][] {{1, 0}}, true, 1)).verdict())
                .isEqualTo("insufficient");
    }

    @Test
    void aUTurnsAtItsLowestInteriorModel() {
        Verdict v = TrendVerdict.decide(SyntheticLadders.accuracyCase(Shape.U, 5, 1000, 0.15, 0.3, 9));
        assertThat(v.verdict()).isEqualTo("u_shaped");
        assertThat(v.turningModel()).isEqualTo(2);
        assertThat(v.strength()).isNull();
    }

    /**
     * Per-example losses with exactly the given mean per model: log-normal, each example's own difficulty shared by
     * every model (as on a real ladder) times per-model noise.
     */
    static ScalingCase lossLadder(double[] x, double[] meanLoss, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] difficulty = new double[n];
        for (int i = 0; i < n; i++) {
            difficulty[i] = 0.5 * random.nextGaussian();
        }
        double[][] scores = new double[meanLoss.length][n];
        for (int m = 0; m < meanLoss.length; m++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                scores[m][i] = Math.exp(difficulty[i] + 0.4 * random.nextGaussian());
                sum += scores[m][i];
            }
            for (int i = 0; i < n; i++) {
                scores[m][i] *= meanLoss[m] / (sum / n);
            }
        }
        return new ScalingCase(x, scores, false, seed);
    }

    /** The micro ladder's parameter counts, as log10. */
    private static final double[] MICRO = {Math.log10(39_504), Math.log10(105_696), Math.log10(315_968), Math.log10(1_000_576)};

    @Test
    void aZigzagWhoseLargestModelIsWorstIsInverseNotATurn() {
        // a 320-row task: loss 1.727 -> 2.264 -> 1.496 -> 2.334 up the micro ladder, the largest model the worst; the
        // earlier rule measured the far arm to the best model after the turn and called this U-shaped
        Verdict v = TrendVerdict.decide(lossLadder(MICRO, new double[] {1.727, 2.264, 1.496, 2.334}, 320, 12));
        assertThat(v.verdict()).isEqualTo("inverse");
        assertThat(v.strength()).isEqualTo("approximate");
        assertThat(v.turningModel()).isNull();
        assertThat(v.pBetaNegative()).isGreaterThan(0.975);
        assertThat(v.means()[3]).isCloseTo(-2.334, within(1e-9));
        assertThat(v.dropBestToLargest()).isCloseTo(2.334 - 1.496, within(1e-9));
    }

    @Test
    void aUMustBeBetterAgainAtTheLargestModel() {
        // dips at the second model and recovers at the third, but the largest is below the dip: not a U
        Verdict notU = TrendVerdict.decide(SyntheticLadders.accuracyCase(new double[] {0.65, 0.55, 0.70, 0.50}, 1000, 0.05, 5));
        assertThat(notU.verdict()).isNotIn("u_shaped", "inverted_u");
        assertThat(notU.turningModel()).isNull();
        // the same dip with the largest model recovering is one
        Verdict u = TrendVerdict.decide(SyntheticLadders.accuracyCase(new double[] {0.65, 0.55, 0.60, 0.70}, 1000, 0.05, 5));
        assertThat(u.verdict()).isEqualTo("u_shaped");
        assertThat(u.turningModel()).isEqualTo(1);
    }

    @Test
    void anArmThatClearlyGoesBackIsNotPartOfAU() {
        // smallest and largest both above the dip, but the rising arm falls clearly on its way: a zigzag
        Verdict v = TrendVerdict.decide(SyntheticLadders.accuracyCase(new double[] {0.62, 0.52, 0.72, 0.60, 0.70}, 1000, 0.05, 8));
        assertThat(v.verdict()).isNotIn("u_shaped", "inverted_u");
    }

    /** A few of the bank's zigzags, fast: none may come out as a U or an inverted U. */
    @Test
    void zigzagsFromTheBankAreNotTurns() {
        List<String> verdicts = new ArrayList<>();
        for (int k = 4; k <= 8; k++) {
            for (double trend : new double[] {0.05, -0.05}) {
                double[] q = SyntheticLadders.zigzag(k, trend, 0.03, k % 2 == 0);
                verdicts.add(TrendVerdict.decide(SyntheticLadders.accuracyCase(q, 300, 0.05, 300 + k)).verdict());
                verdicts.add(TrendVerdict.decide(SyntheticLadders.lossCase(q, 300, 400 + k)).verdict());
            }
        }
        assertThat(verdicts).hasSize(20).doesNotContain("u_shaped", "inverted_u");
    }
}
