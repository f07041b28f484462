package org.ladderboard.engine.scoring;

import org.ladderboard.scoring.ExampleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.metrics.ClassificationScore;
import org.ladderboard.metrics.Loglikelihood;
import org.ladderboard.metrics.LoglikelihoodModel;
import org.ladderboard.metrics.LoglikelihoodRequest;
import org.ladderboard.metrics.LogoddsScore;
import org.ladderboard.metrics.TaskRequests;

/**
 * lm-evaluation-harness's evaluator loop for the prize's tasks: every example becomes requests (core's
 * {@link TaskRequests}), the model answers them all in one call, and the answers become each example's metrics
 * (core's {@link ClassificationScore} and {@link LogoddsScore}). The model never sees a task type.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static List<ExampleResult> evaluate(LoglikelihoodModel model, TaskType type, List<Example> examples) {
        return evaluate(model, type, examples, () -> false);
    }

    /** Result i belongs to {@code examples.get(i)}; its {@code index} is i. */
    public static List<ExampleResult> evaluate(LoglikelihoodModel model, TaskType type, List<Example> examples,
                                               BooleanSupplier cancelled) {
        List<TaskRequests> perExample = examples.stream().map(e -> TaskRequests.of(type, e)).toList();
        List<LoglikelihoodRequest> all = new ArrayList<>();
        perExample.forEach(r -> {
            all.addAll(r.prompt());
            all.addAll(r.otherPrompt());
        });
        List<Loglikelihood> answers = model.loglikelihood(all, cancelled);
        List<ExampleResult> results = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < examples.size(); i++) {
            TaskRequests r = perExample.get(i);
            List<Loglikelihood> prompt = answers.subList(at, at + r.prompt().size());
            List<Loglikelihood> other = answers.subList(at + r.prompt().size(), at + r.size());
            at += r.size();
            results.add(result(type, i, examples.get(i), prompt, other));
        }
        return results;
    }

    private static ExampleResult result(TaskType type, int index, Example e, List<Loglikelihood> prompt,
                                        List<Loglikelihood> other) {
        String error = error(type, prompt, other);
        if (error != null) {
            return ExampleResult.failed(index, error);
        }
        double[] first = prompt.stream().mapToDouble(Loglikelihood::logprob).toArray();
        int[] tokens = prompt.stream().mapToInt(Loglikelihood::tokens).toArray();
        boolean truncated = prompt.stream().anyMatch(Loglikelihood::truncated) || other.stream().anyMatch(Loglikelihood::truncated);
        boolean mismatch = prompt.stream().anyMatch(Loglikelihood::prefixMismatch)
                || other.stream().anyMatch(Loglikelihood::prefixMismatch);
        switch (type) {
            case SEQUENCE_PROB -> {
                return new ExampleResult(index, null, null, null, -first[0], null, null, null, tokens[0], null,
                        truncated, mismatch, null);
            }
            case LOGODDS, ABSOLUTE_LOGODDS -> {
                double[] second = other.stream().mapToDouble(Loglikelihood::logprob).toArray();
                LogoddsScore s = LogoddsScore.of(first, second, e.answerIndex(), type == TaskType.ABSOLUTE_LOGODDS);
                return new ExampleResult(index, first, second, tokens, null, s.correct(), null, null, null,
                        s.logoddsDifference(), truncated, mismatch, null);
            }
            default -> {
                ClassificationScore s = ClassificationScore.of(first, e.answerIndex());
                return new ExampleResult(index, first, null, tokens, s.loss(), s.correct(), s.predicted(),
                        s.totalLogprob(), null, null, truncated, mismatch, null);
            }
        }
    }

    /** The first reason the example cannot be scored, naming the classes it concerns. */
    private static String error(TaskType type, List<Loglikelihood> prompt, List<Loglikelihood> other) {
        for (List<Loglikelihood> answers : List.of(prompt, other)) {
            List<Integer> failed = new ArrayList<>();
            String reason = null;
            for (int j = 0; j < answers.size(); j++) {
                if (!answers.get(j).ok()) {
                    failed.add(j);
                    reason = reason == null ? answers.get(j).error() : reason;
                }
            }
            if (reason != null) {
                return type == TaskType.SEQUENCE_PROB ? "the completion " + reason : "class(es) " + failed + ": " + reason;
            }
        }
        return null;
    }
}
