package org.ladderboard.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
