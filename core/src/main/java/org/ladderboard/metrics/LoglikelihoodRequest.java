package org.ladderboard.metrics;

/**
 * One question a language model answers: the log-probability of {@code continuation} given {@code context}, as
 * lm-evaluation-harness's {@code LM.loglikelihood} takes it. The model draws the token boundary; the task only says
 * which texts to compare.
 *
 * @param firstTokenOnly only the continuation's first token counts (the prize's logodds)
 */
public record LoglikelihoodRequest(String context, String continuation, boolean firstTokenOnly) {

    public static LoglikelihoodRequest of(String context, String continuation) {
        return new LoglikelihoodRequest(context, continuation, false);
    }
}
