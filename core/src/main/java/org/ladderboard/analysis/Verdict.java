package org.ladderboard.analysis;

import java.util.List;

/**
 * A ladder's trend shape and the evidence for it, as {@code docs/verdict.md} describes. Performance is higher-is-better
 * throughout (loss is negated).
 *
 * @param verdict           a {@link TrendShape} code: {@code inverse}, {@code standard}, {@code u_shaped},
 *                          {@code inverted_u}, {@code flat}, {@code inconclusive} or {@code insufficient}
 * @param strength          for inverse/standard: {@code strict}, {@code monotonic} or {@code approximate}; else null
 * @param beta              least-squares slope of mean performance on x
 * @param betaInterval      its 95 % paired-bootstrap percentile interval
 * @param pBetaNegative     share of bootstrap replicates with β &lt; 0
 * @param pModelsDiffer     the permutation test's p-value for "the models differ" (small = they do)
 * @param spearman          Spearman's ρ between x and mean performance
 * @param means             mean performance per model
 * @param meanIntervals     95 % intervals of the means
 * @param steps             consecutive differences (model k+1 − model k) with intervals
 * @param dropBestToLargest best model's mean minus the largest model's (≥ 0; how much scale lost)
 * @param turningModel      index of the interior model a U or inverted U turns at (the lowest, or highest,
 *                          interior model; the smallest and the largest model both beat it, or both fall short), else null
 */
public record Verdict(
        String verdict,
        String strength,
        double beta,
        double[] betaInterval,
        double pBetaNegative,
        double pModelsDiffer,
        double spearman,
        double[] means,
        double[][] meanIntervals,
        List<Step> steps,
        double dropBestToLargest,
        Integer turningModel,
        int models,
        int examples) {

    /** The change from one model to the next, with its interval. */
    public record Step(int from, int to, double difference, double low, double high) {
    }

    static Verdict insufficient(int models, int examples) {
        return new Verdict(TrendShape.INSUFFICIENT.code(), null, Double.NaN, new double[] {Double.NaN, Double.NaN}, Double.NaN, Double.NaN,
                Double.NaN, new double[0], new double[0][], List.of(), Double.NaN, null, models, examples);
    }
}
