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

    /**
     * The positions of the models in order of x, smallest first (a stable sort: equal x keep their order). The
     * verdict reads models left to right, so a case must be in this order; {@link #inScaleOrder()} puts it there.
     */
    public int[] scaleOrder() {
        return java.util.stream.IntStream.range(0, x.length).boxed()
                .sorted(java.util.Comparator.comparingDouble(m -> x[m])).mapToInt(Integer::intValue).toArray();
    }

    /** The same case with its models in order of scale. */
    public ScalingCase inScaleOrder() {
        int[] order = scaleOrder();
        double[] sortedX = new double[order.length];
        double[][] sortedScores = new double[order.length][];
        for (int k = 0; k < order.length; k++) {
            sortedX[k] = x[order[k]];
            sortedScores[k] = scores[order[k]];
        }
        return new ScalingCase(sortedX, sortedScores, higherIsBetter, seed);
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
