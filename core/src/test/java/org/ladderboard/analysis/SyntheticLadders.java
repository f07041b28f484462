package org.ladderboard.analysis;

import java.util.SplittableRandom;

/**
 * Synthetic ladders with a known trend shape. Each example has a latent difficulty shared by every model (real
 * ladders score the same examples, so their models agree on most of them); a fraction {@code fresh} of the
 * (example, model) draws is independent instead. Model k answers correctly when its draw is below its accuracy q_k.
 */
final class SyntheticLadders {

    enum Shape { FLAT, UP, DOWN, U, INVERTED_U, BUMPY }

    private SyntheticLadders() {
    }

    /** Accuracy per model: base 0.6, changing by {@code effect} (accuracy points as a fraction) in the shape. */
    static double[] accuracies(Shape shape, int k, double effect) {
        double[] q = new double[k];
        int middle = (k - 1) / 2;
        for (int m = 0; m < k; m++) {
            double t = k == 1 ? 0 : (double) m / (k - 1);
            q[m] = 0.6 + switch (shape) {
                case FLAT -> 0;
                case UP -> effect * t;
                case DOWN -> -effect * t;
                case U -> -effect * arm(m, middle, k);
                case INVERTED_U -> effect * arm(m, middle, k);
                case BUMPY -> (m % 2 == 0 ? 0.5 : -0.5) * effect;
            };
        }
        return q;
    }

    /** 1 at the turning model, 0 at both ends: each arm spans the whole effect, whichever side is longer. */
    private static double arm(int m, int middle, int k) {
        int length = m <= middle ? middle : k - 1 - middle;
        return 1 - Math.abs(m - middle) / (double) length;
    }

    static ScalingCase accuracyCase(Shape shape, int k, int n, double effect, double fresh, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] q = accuracies(shape, k, effect);
        double[][] scores = new double[k][n];
        for (int i = 0; i < n; i++) {
            double shared = random.nextDouble();
            for (int m = 0; m < k; m++) {
                double draw = random.nextDouble() < fresh ? random.nextDouble() : shared;
                scores[m][i] = draw < q[m] ? 1 : 0;
            }
        }
        return new ScalingCase(xs(k), scores, true, seed);
    }

    /** Per-example losses: the example's own difficulty, plus the model's mean loss, plus noise. */
    static ScalingCase lossCase(Shape shape, int k, int n, double effect, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] q = accuracies(shape, k, effect);
        double[][] scores = new double[k][n];
        for (int i = 0; i < n; i++) {
            double difficulty = 2 + random.nextGaussian();
            for (int m = 0; m < k; m++) {
                // higher accuracy, lower loss
                scores[m][i] = Math.max(0, difficulty - 4 * (q[m] - 0.6) + 0.5 * random.nextGaussian());
            }
        }
        return new ScalingCase(xs(k), scores, false, seed);
    }

    /** log10 parameters, half a decade apart from 10^7. */
    static double[] xs(int k) {
        double[] x = new double[k];
        for (int m = 0; m < k; m++) {
            x[m] = 7 + 0.5 * m;
        }
        return x;
    }

    static String expected(Shape shape) {
        return switch (shape) {
            case FLAT -> "flat";
            case UP -> "standard";
            case DOWN -> "inverse";
            case U -> "u_shaped";
            case INVERTED_U -> "inverted_u";
            case BUMPY -> "inconclusive";
        };
    }
}
