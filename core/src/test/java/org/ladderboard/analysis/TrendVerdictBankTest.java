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
 * shapes (an effect of 5 accuracy points at n = 1,000) the right verdict at least 95 % of the time; on zigzags (means
 * alternating around a rising or falling trend) a U or inverted U at most 5 % of the time. Rates are printed per
 * cell. Seeded: every run prints the same figures. It takes minutes, so it is tagged slow; {@code TrendVerdictTest}
 * keeps a few of its ladders in the fast tests.
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

    /**
     * Zigzags: accuracy (or loss) alternating by ± 1, 2, 3 or 5 points around a trend of ± 5 or ± 10 points over the
     * ladder, starting above or below the trend line, K = 4…8, n = 300 and 1,000. Every interior model is a local
     * extreme, so a rule that measures an arm to the best model after the turn calls nearly all of them U-shaped.
     */
    @Test
    void zigzagsAreNotTurningShapes() {
        record Zigzag(double trend, double swing, boolean loss, int n) {
        }
        int trials = 3;
        Map<Zigzag, Map<String, Integer>> verdicts = new java.util.LinkedHashMap<>();
        for (double trend : new double[] {0.05, -0.05, 0.10, -0.10}) {
            for (double swing : new double[] {0.01, 0.02, 0.03, 0.05}) {
                for (boolean loss : new boolean[] {false, true}) {
                    for (int n : new int[] {300, 1000}) {
                        Map<String, Integer> counts = new TreeMap<>();
                        for (int k = 4; k <= 8; k++) {
                            for (boolean startHigh : new boolean[] {true, false}) {
                                double[] q = SyntheticLadders.zigzag(k, trend, swing, startHigh);
                                long cellSeed = 41 + k * 101 + n + (startHigh ? 7919 : 0) + (loss ? 104_729 : 0)
                                        + Math.round(1000 * trend) * 13 + Math.round(1000 * swing) * 17;
                                IntStream.range(0, trials).parallel().mapToObj(t -> {
                                    long seed = cellSeed + 1_000_003L * t;
                                    return TrendVerdict.decide(loss ? SyntheticLadders.lossCase(q, n, seed)
                                            : SyntheticLadders.accuracyCase(q, n, FRESH, seed)).verdict();
                                }).toList().forEach(v -> counts.merge(v, 1, Integer::sum));
                            }
                        }
                        verdicts.put(new Zigzag(trend, swing, loss, n), counts);
                    }
                }
            }
        }
        int turns = 0;
        int ladders = 0;
        for (Map.Entry<Zigzag, Map<String, Integer>> cell : verdicts.entrySet()) {
            Zigzag z = cell.getKey();
            int cellTurns = cell.getValue().getOrDefault("u_shaped", 0) + cell.getValue().getOrDefault("inverted_u", 0);
            int cellLadders = cell.getValue().values().stream().mapToInt(Integer::intValue).sum();
            turns += cellTurns;
            ladders += cellLadders;
            System.out.printf("verdict bank  zigzag trend %+.2f swing ±%.2f %-8s n=%-4d U or inverted U %2d of %d  %s%n",
                    z.trend(), z.swing(), z.loss() ? "loss" : "accuracy", z.n(), cellTurns, cellLadders, cell.getValue());
        }
        System.out.printf("verdict bank  zigzags: U or inverted U %.1f %% of %d ladders%n", 100.0 * turns / ladders, ladders);
        assertThat((double) turns / ladders).isLessThanOrEqualTo(0.05);
    }
}
