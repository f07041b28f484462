package org.ladderboard.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides a ladder's trend shape by the stated procedure (docs/verdict.md): paired bootstrap for every interval,
 * a permutation test that the models differ at all (the gate that keeps false alarms on flat ladders at 5 %), then
 * U / inverted U when both arms, measured to the smallest and the largest model, are clearly real and each is
 * monotone within noise, then inverse / standard when the slope's interval excludes 0.
 */
public final class TrendVerdict {

    public static final int REPLICATES = 2000;
    public static final int PERMUTATIONS = 2000;
    static final double GATE = 0.05;

    private TrendVerdict() {
    }

    public static Verdict decide(ScalingCase c) {
        int k = c.models();
        int n = c.examples();
        if (k < 2 || n < 2) {
            return Verdict.insufficient(k, n);
        }
        double[][] p = new double[k][n];
        for (int m = 0; m < k; m++) {
            for (int i = 0; i < n; i++) {
                p[m][i] = c.performance(m, i);
            }
        }
        double[] means = new double[k];
        for (int m = 0; m < k; m++) {
            means[m] = Arrays.stream(p[m]).average().orElseThrow();
        }
        double beta = slope(c.x(), means);

        // paired bootstrap: one resample of examples per replicate, used for every model
        SplittableRandom random = new SplittableRandom(c.seed());
        double[][] replicateMeans = new double[REPLICATES][k];
        int[] pick = new int[n];
        for (int b = 0; b < REPLICATES; b++) {
            for (int i = 0; i < n; i++) {
                pick[i] = random.nextInt(n);
            }
            for (int m = 0; m < k; m++) {
                double sum = 0;
                for (int i : pick) {
                    sum += p[m][i];
                }
                replicateMeans[b][m] = sum / n;
            }
        }
        double[] betas = new double[REPLICATES];
        int negative = 0;
        for (int b = 0; b < REPLICATES; b++) {
            betas[b] = slope(c.x(), replicateMeans[b]);
            negative += betas[b] < 0 ? 1 : 0;
        }
        double[] betaInterval = interval(betas);
        double[][] meanIntervals = new double[k][];
        for (int m = 0; m < k; m++) {
            final int model = m;
            meanIntervals[m] = interval(Arrays.stream(replicateMeans).mapToDouble(r -> r[model]).toArray());
        }
        List<Verdict.Step> steps = new ArrayList<>();
        for (int m = 0; m + 1 < k; m++) {
            final int from = m;
            double[] diffs = Arrays.stream(replicateMeans).mapToDouble(r -> r[from + 1] - r[from]).toArray();
            double[] ci = interval(diffs);
            steps.add(new Verdict.Step(m, m + 1, means[m + 1] - means[m], ci[0], ci[1]));
        }
        double best = Arrays.stream(means).max().orElseThrow();
        double drop = best - means[k - 1];
        double pDiffer = permutationTest(p, means, new SplittableRandom(c.seed() ^ 0x5DEECE66DL));
        double rho = spearman(c.x(), means);

        String verdict;
        String strength = null;
        Integer turning = null;
        if (pDiffer >= GATE) {
            verdict = TrendShape.FLAT.code();
        } else {
            Integer valley = k >= 3 ? turn(means, replicateMeans, steps, true) : null;
            Integer peak = k >= 3 && valley == null ? turn(means, replicateMeans, steps, false) : null;
            if (valley != null) {
                verdict = TrendShape.U_SHAPED.code();
                turning = valley;
            } else if (peak != null) {
                verdict = TrendShape.INVERTED_U.code();
                turning = peak;
            } else if (betaInterval[1] < 0) {
                verdict = TrendShape.INVERSE.code();
                strength = strength(steps, -1);
            } else if (betaInterval[0] > 0) {
                verdict = TrendShape.STANDARD.code();
                strength = strength(steps, 1);
            } else {
                verdict = TrendShape.INCONCLUSIVE.code();
            }
        }
        return new Verdict(verdict, strength, beta, betaInterval, (double) negative / REPLICATES, pDiffer, rho, means,
                meanIntervals, steps, drop, turning, k, n);
    }

    /**
     * A U (valley) or inverted U (peak) turning at the interior model that is lowest (highest) on the full sample.
     * Both arms are anchored on the end models: the smallest and the largest model must each beat the turning model
     * (valley) in 99 % of replicates, the stricter percentile guarding against having picked the turning model from
     * the same data; "better again" has to hold at the top of the ladder, not at some model in between. And each arm
     * must be monotone within noise: no step along an arm goes clearly (95 % interval excluding 0) against it, which
     * is what tells a U from a zigzag. Returns the turning model, or null when there is no such turn.
     */
    private static Integer turn(double[] means, double[][] replicates, List<Verdict.Step> steps, boolean valley) {
        int k = means.length;
        int star = 1;
        for (int m = 2; m < k - 1; m++) {
            if (valley ? means[m] < means[star] : means[m] > means[star]) {
                star = m;
            }
        }
        // sign of the turn's depth: positive when the ends beat the valley (or the peak beats the ends)
        double depth = valley ? 1 : -1;
        double[] left = new double[replicates.length];
        double[] right = new double[replicates.length];
        for (int b = 0; b < replicates.length; b++) {
            double[] r = replicates[b];
            left[b] = depth * (r[0] - r[star]);
            right[b] = depth * (r[k - 1] - r[star]);
        }
        if (percentile(left, 0.01) <= 0 || percentile(right, 0.01) <= 0) {
            return null;
        }
        for (Verdict.Step s : steps) {
            // performance falls along a valley's left arm and rises along its right arm; a peak's the other way
            boolean rising = (s.to() > star) == valley;
            if (rising ? s.high() < 0 : s.low() > 0) {
                return null;
            }
        }
        return star;
    }

    /** strict: every step has the trend's sign with its interval excluding 0; monotonic: every step's sign; else approximate. */
    private static String strength(List<Verdict.Step> steps, int sign) {
        boolean strict = steps.stream().allMatch(s -> sign > 0 ? s.low() > 0 : s.high() < 0);
        if (strict) {
            return TrendStrength.STRICT.code();
        }
        boolean monotonic = steps.stream().allMatch(s -> sign * s.difference() > 0);
        return (monotonic ? TrendStrength.MONOTONIC : TrendStrength.APPROXIMATE).code();
    }

    /**
     * Do the models differ at all? Under "no difference" an example's K scores are exchangeable: shuffle each
     * example's scores among the models and compare the variance of the K means with the observed one.
     */
    private static double permutationTest(double[][] p, double[] means, SplittableRandom random) {
        int k = p.length;
        int n = p[0].length;
        double observed = variance(means);
        int atLeast = 0;
        int[] order = new int[k];
        double[] sums = new double[k];
        for (int t = 0; t < PERMUTATIONS; t++) {
            Arrays.fill(sums, 0);
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < k; m++) {
                    order[m] = m;
                }
                for (int m = k - 1; m > 0; m--) {
                    int j = random.nextInt(m + 1);
                    int swap = order[m];
                    order[m] = order[j];
                    order[j] = swap;
                }
                for (int m = 0; m < k; m++) {
                    sums[m] += p[order[m]][i];
                }
            }
            for (int m = 0; m < k; m++) {
                sums[m] /= n;
            }
            if (variance(sums) >= observed - 1e-15) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (PERMUTATIONS + 1.0);
    }

    static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElseThrow();
        double my = Arrays.stream(ry).average().orElseThrow();
        double num = 0;
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < x.length; i++) {
            num += (rx[i] - mx) * (ry[i] - my);
            dx += (rx[i] - mx) * (rx[i] - mx);
            dy += (ry[i] - my) * (ry[i] - my);
        }
        return dx == 0 || dy == 0 ? 0 : num / Math.sqrt(dx * dy);
    }

    /** Ranks with ties sharing their average rank. */
    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] ranks = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int t = i; t <= j; t++) {
                ranks[order[t]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double variance(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        return Arrays.stream(v).map(a -> (a - mean) * (a - mean)).sum() / v.length;
    }

    private static double[] interval(double[] values) {
        return new double[] {percentile(values, 0.025), percentile(values, 0.975)};
    }

    /** The q-quantile by linear interpolation between order statistics (numpy's default). */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
