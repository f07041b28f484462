package org.ladderboard.metrics;

import java.util.List;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;

/**
 * A task type turned into log-likelihood requests, the way lm-evaluation-harness's tasks build them: one request per
 * class after {@code prompt} (classification), the completion after the prompt (sequence_prob), and for logodds each
 * class's first token after {@code prompt} and again after {@code other_prompt}.
 *
 * @param prompt      the requests after {@code prompt}, in class order
 * @param otherPrompt the requests after {@code other_prompt} (logodds), else empty
 */
public record TaskRequests(List<LoglikelihoodRequest> prompt, List<LoglikelihoodRequest> otherPrompt) {

    public static TaskRequests of(TaskType type, Example e) {
        if (type == TaskType.SEQUENCE_PROB) {
            return new TaskRequests(List.of(LoglikelihoodRequest.of(e.prompt(), e.completion())), List.of());
        }
        if (type.isLogodds()) {
            return new TaskRequests(firstTokens(e.prompt(), e.classes()), firstTokens(e.otherPrompt(), e.classes()));
        }
        return new TaskRequests(e.classes().stream().map(c -> LoglikelihoodRequest.of(e.prompt(), c)).toList(), List.of());
    }

    private static List<LoglikelihoodRequest> firstTokens(String prompt, List<String> classes) {
        return classes.stream().map(c -> new LoglikelihoodRequest(prompt, c, true)).toList();
    }

    public int size() {
        return prompt.size() + otherPrompt.size();
    }
}
