package org.ladderboard.metrics;

/**
 * The prize's logodds metric: only the next token after each prompt counts. For a prompt p,
 * L(p) = log p(c0 | p) − log p(c1 | p) over the first token of each class; the difference is L(prompt) −
 * L(other_prompt), negated when the answer is class 1, and correct means the argmax on {@code other_prompt} is the
 * answer. {@code absolute_logodds} reports its absolute value.
 */
public record LogoddsScore(double logoddsDifference, boolean correct) {

    /**
     * @param prompt      first-token log-probs of class 0 and class 1 after {@code prompt}
     * @param otherPrompt the same after {@code other_prompt}
     */
    public static LogoddsScore of(double[] prompt, double[] otherPrompt, int answerIndex, boolean absolute) {
        double difference = (prompt[0] - prompt[1]) - (otherPrompt[0] - otherPrompt[1]);
        if (answerIndex == 1) {
            difference = -difference;
        }
        int predicted = otherPrompt[1] > otherPrompt[0] ? 1 : 0;
        return new LogoddsScore(absolute ? Math.abs(difference) : difference, predicted == answerIndex);
    }
}
