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

    /**
     * A zigzag: accuracy alternating by ± {@code swing} around a linear trend of {@code trend} over the ladder (negative
     * for a falling trend), so every interior model is a local extreme. {@code startHigh} says whether the smallest
     * model sits above the trend line or below it.
     */
    static double[] zigzag(int k, double trend, double swing, boolean startHigh) {
        double[] q = new double[k];
        for (int m = 0; m < k; m++) {
            double t = (double) m / (k - 1);
            boolean high = (m % 2 == 0) == startHigh;
            q[m] = 0.6 + trend * t + (high ? swing : -swing);
        }
        return q;
    }

    /** 1 at the turning model, 0 at both ends: each arm spans the whole effect, whichever side is longer. */
    private static double arm(int m, int middle, int k) {
        int length = m <= middle ? middle : k - 1 - middle;
        return 1 - Math.abs(m - middle) / (double) length;
    }

    static ScalingCase accuracyCase(Shape shape, int k, int n, double effect, double fresh, long seed) {
        return accuracyCase(accuracies(shape, k, effect), n, fresh, seed);
    }

    /** Correct (1) or wrong (0) per example and model, for true accuracies {@code q}. */
    static ScalingCase accuracyCase(double[] q, int n, double fresh, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = q.length;
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

    static ScalingCase lossCase(Shape shape, int k, int n, double effect, long seed) {
        return lossCase(accuracies(shape, k, effect), n, seed);
    }

    /**
     * Per-example losses: the example's own difficulty, plus the model's mean loss, plus noise. Accuracy q maps to a
     * mean loss of 2 − 4 (q − 0.6), so 5 accuracy points are 0.2 nats.
     */
    static ScalingCase lossCase(double[] q, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = q.length;
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
