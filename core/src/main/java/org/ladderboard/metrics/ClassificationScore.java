package org.ladderboard.metrics;

/**
 * The prize's per-example classification metrics from each class's summed log-probability given the prompt.
 *
 * @param loss          −log_softmax(lp)[answer]: normalised over the listed options only
 * @param correct       argmax lp == answer, ties going to the first class
 * @param predicted     the argmax class index
 * @param totalLogprob  logsumexp(lp): the probability mass the model puts on the options
 */
public record ClassificationScore(double loss, boolean correct, int predicted, double totalLogprob) {

    public static ClassificationScore of(double[] classLogprobs, int answerIndex) {
        int best = 0;
        for (int j = 1; j < classLogprobs.length; j++) {
            if (classLogprobs[j] > classLogprobs[best]) {
                best = j;
            }
        }
        double total = logSumExp(classLogprobs);
        return new ClassificationScore(total - classLogprobs[answerIndex], best == answerIndex, best, total);
    }

    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
