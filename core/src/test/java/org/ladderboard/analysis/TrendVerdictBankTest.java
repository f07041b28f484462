package org.ladderboard.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ladderboard.analysis.SyntheticLadders.Shape;

/**
 * The acceptance bank of docs/verdict.md: on flat ladders any non-flat verdict at most 5 % of the time; on clear
 * shapes (an effect of 5 accuracy points at n = 1,000) the right verdict at least 95 % of the time; identical input,
 * identical output. Rates are printed per cell.
 */
// minutes of simulated ladders: the slow tier, run by `verify`, not by `test` (README)
@Tag("slow")
class TrendVerdictBankTest {

    /** Share of (example, model) draws that are independent of the example's difficulty. */
    static final double FRESH = 0.05;

    private record Cell(Shape shape, int k, int n, double effect) {
    }

    private static Map<String, Double> rates(List<Cell> cells, int trials, long seedBase, boolean flatIsRight) {
        Map<String, Double> out = new TreeMap<>();
        for (Cell cell : cells) {
            long right = IntStream.range(0, trials).parallel().filter(t -> {
                long seed = seedBase + 1_000_003L * t + cell.k() * 101 + cell.n() + cell.shape().ordinal() * 7919;
                String verdict = TrendVerdict.decide(SyntheticLadders.accuracyCase(cell.shape(), cell.k(), cell.n(),
                        cell.effect(), FRESH, seed)).verdict();
                return flatIsRight ? verdict.equals("flat") : verdict.equals(SyntheticLadders.expected(cell.shape()));
            }).count();
            out.put(cell.shape() + " K=" + cell.k() + " n=" + cell.n(), (double) right / trials);
        }
        return out;
    }

    @Test
    void flatLaddersRarelyGetAnyOtherVerdict() {
        List<Cell> cells = new ArrayList<>();
        for (int k = 3; k <= 8; k++) {
            for (int n : new int[] {300, 1000}) {
                cells.add(new Cell(Shape.FLAT, k, n, 0));
            }
        }
        int trials = 60;
        Map<String, Double> flat = rates(cells, trials, 11, true);
        double falseAlarms = 1 - flat.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        flat.forEach((cell, rate) -> System.out.printf("verdict bank  %-28s flat %5.1f %%%n", cell, 100 * rate));
        System.out.printf("verdict bank  flat truths: non-flat verdicts %.1f %% of %d ladders%n", 100 * falseAlarms, cells.size() * trials);
        assertThat(falseAlarms).isLessThanOrEqualTo(0.05);
    }

    @Test
    void clearShapesGetTheRightVerdict() {
        List<Cell> cells = new ArrayList<>();
        for (Shape shape : List.of(Shape.UP, Shape.DOWN, Shape.U, Shape.INVERTED_U)) {
            for (int k = 3; k <= 8; k++) {
                cells.add(new Cell(shape, k, 1000, 0.05));
            }
        }
        int trials = 25;
        Map<String, Double> right = rates(cells, trials, 29, false);
        right.forEach((cell, rate) -> System.out.printf("verdict bank  %-28s right %5.1f %%%n", cell, 100 * rate));
        double overall = right.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("verdict bank  clear shapes (5 points, n=1000): right verdict %.1f %% of %d ladders%n",
                100 * overall, cells.size() * trials);
        assertThat(overall).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void lossLaddersFromANoisyModel() {
        int right = 0;
        int trials = 0;
        for (Shape shape : List.of(Shape.FLAT, Shape.UP, Shape.DOWN, Shape.U, Shape.INVERTED_U)) {
            for (int t = 0; t < 10; t++) {
                Verdict v = TrendVerdict.decide(SyntheticLadders.lossCase(shape, 5, 1000, 0.05, 500 + t));
                right += v.verdict().equals(SyntheticLadders.expected(shape)) ? 1 : 0;
                trials++;
            }
        }
        System.out.printf("verdict bank  loss ladders: right verdict %d of %d%n", right, trials);
        assertThat(right).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * trials));
    }
}
