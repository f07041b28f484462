package org.ladderboard.engine.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import ai.djl.ndarray.NDScope;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.tokenizer.ModelTokenizer;
import org.ladderboard.metrics.ClassificationScore;
import org.ladderboard.metrics.LogoddsScore;

/**
 * Scores examples on one model with the prize's definitions. Requests and results cross this boundary; tensors do
 * not. Work is packed (one row per prompt with all its continuations), sorted by length and batched under a token
 * budget, and only scored rows reach the vocabulary head.
 */
public final class Scorer {

    /** Default tokens per batch (rows × padded width); larger batches amortise more on a GPU. */
    public static final int DEFAULT_TOKEN_BUDGET = 4096;

    private final CausalLanguageModel model;
    private final ModelTokenizer tokenizer;
    private final int tokenBudget;
    private long tokensRun;
    private long rowsScored;

    public Scorer(CausalLanguageModel model, ModelTokenizer tokenizer, int tokenBudget) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.tokenBudget = tokenBudget;
    }

    /** A dataset row turned into packed work: one sequence, or two for logodds (prompt and other_prompt). */
    private record Work(int index, Example example, List<PackedSequence> sequences, List<int[]> classToPacked,
                        int[] tokenCounts, boolean truncated, boolean prefixMismatch, String error) {

        static Work failed(int index, Example example, String error) {
            return new Work(index, example, List.of(), List.of(), null, false, false, error);
        }
    }

    /** Scores every example; result i belongs to {@code examples.get(i)}, its {@code index} is i. */
    public List<ExampleResult> score(TaskType taskType, List<Example> examples) {
        return score(taskType, examples, () -> false);
    }

    /**
     * As {@link #score(TaskType, List)}, checking {@code cancelled} between batches and throwing
     * {@link java.util.concurrent.CancellationException} when it answers true.
     */
    public List<ExampleResult> score(TaskType taskType, List<Example> examples, java.util.function.BooleanSupplier cancelled) {
        List<Work> work = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            work.add(prepare(taskType, i, examples.get(i)));
        }
        List<PackedSequence> all = new ArrayList<>();
        work.stream().filter(w -> w.error() == null).forEach(w -> all.addAll(w.sequences()));
        java.util.Map<PackedSequence, double[]> logprobs = run(all, cancelled);
        List<ExampleResult> results = new ArrayList<>();
        for (Work w : work) {
            results.add(w.error() != null ? ExampleResult.failed(w.index(), w.error()) : finish(taskType, w, logprobs));
        }
        return results;
    }

    private java.util.Map<PackedSequence, double[]> run(List<PackedSequence> sequences, java.util.function.BooleanSupplier cancelled) {
        List<PackedSequence> byLength = new ArrayList<>(sequences);
        byLength.sort(Comparator.comparingInt(PackedSequence::length));
        java.util.Map<PackedSequence, double[]> out = new java.util.IdentityHashMap<>();
        int start = 0;
        while (start < byLength.size()) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("scoring cancelled");
            }
            int end = start + 1;
            // sorted ascending, so the last one sets the padded width
            while (end < byLength.size() && (long) (end - start + 1) * byLength.get(end).length() <= tokenBudget) {
                end++;
            }
            List<PackedSequence> batch = byLength.subList(start, end);
            batch.forEach(b -> {
                tokensRun += b.length();
                rowsScored += b.targets.size();
            });
            try (NDScope scope = new NDScope()) {
                double[][] result = PackedBatch.targetLogprobs(model, batch);
                for (int i = 0; i < batch.size(); i++) {
                    out.put(batch.get(i), result[i]);
                }
            }
            start = end;
        }
        return out;
    }

    /** Tokens run through the body and rows run through the head so far, for throughput figures. */
    public long[] workDone() {
        return new long[] {tokensRun, rowsScored};
    }

    private Work prepare(TaskType taskType, int index, Example e) {
        if (taskType == TaskType.SEQUENCE_PROB) {
            return pack(index, e, List.of(pair(e.prompt(), List.of(e.completion()))), false);
        }
        if (taskType.isLogodds()) {
            return pack(index, e, List.of(pair(e.prompt(), e.classes()), pair(e.otherPrompt(), e.classes())), true);
        }
        return pack(index, e, List.of(pair(e.prompt(), e.classes())), false);
    }

    private List<ContextAndContinuation> pair(String prompt, List<String> continuations) {
        return ContextAndContinuation.encode(tokenizer, prompt, continuations);
    }

    /** Packs each prompt's continuations; for logodds only each class's first token counts. */
    private Work pack(int index, Example e, List<List<ContextAndContinuation>> prompts, boolean firstTokenOnly) {
        List<PackedSequence> sequences = new ArrayList<>();
        List<int[]> classToPacked = new ArrayList<>();
        int[] tokenCounts = null;
        boolean truncated = false;
        boolean prefixMismatch = false;
        for (List<ContextAndContinuation> pairs : prompts) {
            prefixMismatch |= pairs.stream().anyMatch(p -> !p.prefixOk());
            List<Integer> empty = new ArrayList<>();
            for (int j = 0; j < pairs.size(); j++) {
                if (pairs.get(j).continuation().length == 0) {
                    empty.add(j);
                }
            }
            if (!empty.isEmpty()) {
                return Work.failed(index, e, "class(es) " + empty
                        + " encode to zero tokens after the prompt (the tokenizer merged them into the prompt's last token)");
            }
            if (!ContextAndContinuation.sameContext(pairs)) {
                return Work.failed(index, e, "the prompt tokenizes differently per class");
            }
            // identical continuations are scored once, so identical classes tie exactly
            List<long[]> continuations = new ArrayList<>();
            int[] packedIndex = new int[pairs.size()];
            for (int j = 0; j < pairs.size(); j++) {
                long[] c = firstTokenOnly ? Arrays.copyOf(pairs.get(j).continuation(), 1) : pairs.get(j).continuation();
                int found = -1;
                for (int u = 0; u < continuations.size() && found < 0; u++) {
                    found = Arrays.equals(continuations.get(u), c) ? u : -1;
                }
                if (found < 0) {
                    found = continuations.size();
                    continuations.add(c);
                }
                packedIndex[j] = found;
            }
            classToPacked.add(packedIndex);
            if (tokenCounts == null) {
                tokenCounts = pairs.stream().mapToInt(p -> p.continuation().length).toArray();
            }
            long[] context = pairs.get(0).context();
            int longest = continuations.stream().mapToInt(c -> c.length).max().orElse(0);
            // the model reads the context and every continuation token but the last
            int room = model.contextLength() - longest + 1;
            boolean hasBos = tokenizer.bos().isPresent();
            if (room < (hasBos ? 2 : 1)) {
                return Work.failed(index, e, "a class is " + longest
                        + " tokens long, which leaves no room for the prompt in the model's context of "
                        + model.contextLength());
            }
            if (context.length > room) {
                // never cut silently: keep BOS, drop the oldest prompt tokens, and mark the example
                long[] kept = new long[room];
                int keepFrom = context.length - (room - (hasBos ? 1 : 0));
                if (hasBos) {
                    kept[0] = context[0];
                }
                System.arraycopy(context, keepFrom, kept, hasBos ? 1 : 0, room - (hasBos ? 1 : 0));
                context = kept;
                truncated = true;
            }
            sequences.add(new PackedSequence(context, continuations));
        }
        return new Work(index, e, sequences, classToPacked, tokenCounts, truncated, prefixMismatch, null);
    }

    private ExampleResult finish(TaskType taskType, Work w, java.util.Map<PackedSequence, double[]> logprobs) {
        Example e = w.example();
        double[] first = classSums(w, 0, logprobs);
        switch (taskType) {
            case SEQUENCE_PROB -> {
                return new ExampleResult(w.index(), null, null, null, -first[0], null, null, null, w.tokenCounts()[0], null,
                        w.truncated(), w.prefixMismatch(), null);
            }
            case LOGODDS, ABSOLUTE_LOGODDS -> {
                double[] other = classSums(w, 1, logprobs);
                LogoddsScore s = LogoddsScore.of(first, other, e.answerIndex(), taskType == TaskType.ABSOLUTE_LOGODDS);
                return new ExampleResult(w.index(), first, other, w.tokenCounts(), null, s.correct(), null, null, null,
                        s.logoddsDifference(), w.truncated(), w.prefixMismatch(), null);
            }
            default -> {
                ClassificationScore s = ClassificationScore.of(first, e.answerIndex());
                return new ExampleResult(w.index(), first, null, w.tokenCounts(), s.loss(), s.correct(), s.predicted(),
                        s.totalLogprob(), null, null, w.truncated(), w.prefixMismatch(), null);
            }
        }
    }

    /** Each class's summed log-prob (no length normalisation: the prize summed) for the work's k-th prompt. */
    private static double[] classSums(Work w, int k, java.util.Map<PackedSequence, double[]> logprobs) {
        PackedSequence sequence = w.sequences().get(k);
        double[] targetLogprobs = logprobs.get(sequence);
        double[] packed = new double[sequence.continuations];
        for (int i = 0; i < targetLogprobs.length; i++) {
            packed[sequence.targets.get(i).continuation()] += targetLogprobs[i];
        }
        int[] classToPacked = w.classToPacked().get(k);
        double[] sums = new double[classToPacked.length];
        for (int j = 0; j < sums.length; j++) {
            sums[j] = packed[classToPacked[j]];
        }
        return sums;
    }
}
