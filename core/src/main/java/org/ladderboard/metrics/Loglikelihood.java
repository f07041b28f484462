package org.ladderboard.metrics;

/**
 * A model's answer to one {@link LoglikelihoodRequest}.
 *
 * @param logprob        the summed log-probability of the continuation's tokens (of its first token when asked)
 * @param tokens         how many tokens the continuation has with this model's tokenizer (all of them, even when
 *                       only the first counted)
 * @param truncated      the context was cut on the left to fit the model
 * @param prefixMismatch encode(context) is not a prefix of encode(context + continuation); the continuation was
 *                       scored as lm-evaluation-harness does, the joint encoding minus as many tokens as the context has
 * @param error          why the model cannot answer (then nothing else is set)
 */
public record Loglikelihood(double logprob, int tokens, boolean truncated, boolean prefixMismatch, String error) {

    public static Loglikelihood failed(String error) {
        return new Loglikelihood(Double.NaN, 0, false, false, error);
    }

    public boolean ok() {
        return error == null;
    }
}
