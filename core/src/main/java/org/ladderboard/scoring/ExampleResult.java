package org.ladderboard.scoring;

/**
 * One example scored by one model: what the prize's {@code labelled_data.jsonl} kept, plus the errors and truncation
 * that the prize's pipeline did not report. Fields a task type does not produce are null.
 *
 * @param index             the row's 0-based position in the dataset
 * @param classLogprobs     each class's summed log-prob given the prompt (classification), or the first-token
 *                          log-probs after {@code prompt} (logodds)
 * @param otherClassLogprobs logodds only: each class's first-token log-prob after {@code other_prompt}, so that
 *                          {@code logoddsDifference} can be recomputed from the output
 * @param classTokenCounts  tokens per class (lm-eval boundaries)
 * @param tokenCount        completion tokens (sequence_prob)
 * @param truncated         the prompt was cut on the left to fit the model's context
 * @param prefixMismatch    for some class, encode(prompt) is not a prefix of encode(prompt + class): the class was
 *                          scored as lm-evaluation-harness does (the joint encoding minus as many tokens as the prompt
 *                          has), so its first tokens may straddle the boundary
 * @param error             why the example could not be scored with this tokenizer (then nothing else is set)
 */
public record ExampleResult(
        int index,
        double[] classLogprobs,
        double[] otherClassLogprobs,
        int[] classTokenCounts,
        Double loss,
        Boolean correct,
        Integer predicted,
        Double totalLogprob,
        Integer tokenCount,
        Double logoddsDifference,
        boolean truncated,
        boolean prefixMismatch,
        String error) {

    public static ExampleResult failed(int index, String error) {
        return new ExampleResult(index, null, null, null, null, null, null, null, null, null, false, false, error);
    }

    public boolean ok() {
        return error == null;
    }
}
