package org.ladderboard.analysis;

/**
 * One ladder's per-example scores: {@code scores[k][i]} is example i's score on model k, the same n examples for
 * every model, models in the order of {@code x} (log10 parameters, or log10 training FLOPs).
 *
 * @param higherIsBetter true for accuracy; false for loss and logodds differences, which are negated into
 *                       performance
 * @param seed           fixes the bootstrap and the permutations, so a verdict is reproducible
 */
public record ScalingCase(double[] x, double[][] scores, boolean higherIsBetter, long seed) {

    public ScalingCase {
        if (x.length != scores.length) {
            throw new IllegalArgumentException("x has " + x.length + " models but scores has " + scores.length);
        }
        for (double[] model : scores) {
            if (model.length != scores[0].length) {
                throw new IllegalArgumentException("every model must be scored on the same examples");
            }
        }
    }

    int models() {
        return x.length;
    }

    int examples() {
        return scores.length == 0 ? 0 : scores[0].length;
    }

    /** Scores turned into performance (higher is better). */
    double performance(int model, int example) {
        double s = scores[model][example];
        return higherIsBetter ? s : -s;
    }
}
