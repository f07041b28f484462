package org.ladderboard.engine.scoring;

import org.ladderboard.tokenizer.ContextAndContinuation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.metrics.Loglikelihood;
import org.ladderboard.metrics.LoglikelihoodModel;
import org.ladderboard.metrics.LoglikelihoodRequest;

/**
 * Answers log-likelihood requests on one model, and knows nothing of tasks or metrics. Requests are tokenized with
 * lm-evaluation-harness's boundaries, each context once; all of them become one set of token sequences run with
 * every shared prefix once ({@link PrefixTreeBatches}), across requests and across dataset rows.
 */
public final class Scorer implements LoglikelihoodModel {

    /**
     * Default tokens per batch (rows × padded width) on a CPU, where smaller batches keep the working set in cache:
     * measured fastest of 256–8192 on GPT-2-small and Pythia-160m shapes (see docs/performance.md).
     */
    public static final int DEFAULT_TOKEN_BUDGET = 1024;
    /**
     * Default tokens per batch on a GPU. Not measured on a GPU yet: larger batches amortise kernel launches there.
     */
    public static final int DEFAULT_GPU_TOKEN_BUDGET = 8192;
    /** The measured default for a device: {@code --batch-tokens} overrides it. */
    public static int defaultTokenBudget(ai.djl.Device device) {
        return device.isGpu() ? DEFAULT_GPU_TOKEN_BUDGET : DEFAULT_TOKEN_BUDGET;
    }

    /** What the scorer has run so far, for throughput figures. */
    public record Work(long requests, long bodyTokens, long paddedTokens, long headRows, long distinctPrefixTokens,
                       long lmEvalTokens) {
    }

    private final CausalLanguageModel model;
    private final ModelTokenizer tokenizer;
    private final int tokenBudget;
    private final int rowTokens;
    private final long[] work = new long[3];
    private long requests;
    private long distinctPrefixTokens;
    private long lmEvalTokens;

    /** Rows as long as the batch: a batch is one row packed with prefix trees. */
    public Scorer(CausalLanguageModel model, ModelTokenizer tokenizer, int tokenBudget) {
        this(model, tokenizer, tokenBudget, tokenBudget);
    }

    /**
     * {@code rowTokens}: the longest packed row; 1 shares nothing, every sequence runs alone as lm-evaluation-harness
     * runs them.
     */
    public Scorer(CausalLanguageModel model, ModelTokenizer tokenizer, int tokenBudget, int rowTokens) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.tokenBudget = tokenBudget;
        this.rowTokens = rowTokens;
    }

    /** A request tokenized: the sequence the model reads, or why it cannot. */
    private record Encoded(PrefixTreeBatches.Sequence sequence, int tokens, boolean truncated, boolean prefixMismatch,
                           String error) {
    }

    @Override
    public List<Loglikelihood> loglikelihood(List<LoglikelihoodRequest> requests, BooleanSupplier cancelled) {
        Encoded[] encoded = encode(requests);
        List<PrefixTreeBatches.Sequence> sequences = new ArrayList<>();
        for (Encoded e : encoded) {
            if (e.error() == null) {
                sequences.add(e.sequence());
            }
        }
        count(sequences);
        double[][] logprobs = PrefixTreeBatches.logprobs(model, sequences, rowTokens, tokenBudget, cancelled, work);
        List<Loglikelihood> answers = new ArrayList<>();
        int s = 0;
        for (Encoded e : encoded) {
            if (e.error() != null) {
                answers.add(Loglikelihood.failed(e.error()));
                continue;
            }
            answers.add(new Loglikelihood(Arrays.stream(logprobs[s++]).sum(), e.tokens(), e.truncated(),
                    e.prefixMismatch(), null));
        }
        return answers;
    }

    /**
     * Requests with the same context are encoded together and cut to the same length when they do not fit, so the
     * classes of one prompt always compete on the same text.
     */
    private Encoded[] encode(List<LoglikelihoodRequest> requests) {
        Map<String, List<Integer>> byContext = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byContext.computeIfAbsent(requests.get(i).context(), c -> new ArrayList<>()).add(i);
        }
        Encoded[] out = new Encoded[requests.size()];
        boolean hasBos = tokenizer.bos().isPresent();
        for (Map.Entry<String, List<Integer>> group : byContext.entrySet()) {
            List<Integer> members = group.getValue();
            List<ContextAndContinuation> pairs = ContextAndContinuation.encode(tokenizer, group.getKey(),
                    members.stream().map(i -> requests.get(i).continuation()).toList());
            long[][] continuations = new long[members.size()][];
            int longest = 0;
            for (int j = 0; j < members.size(); j++) {
                long[] c = pairs.get(j).continuation();
                continuations[j] = requests.get(members.get(j)).firstTokenOnly() && c.length > 0 ? Arrays.copyOf(c, 1) : c;
                longest = Math.max(longest, continuations[j].length);
            }
            long[] context = pairs.get(0).context();
            int room = ContextAndContinuation.contextRoom(model.contextLength(), longest);
            boolean truncated = false;
            boolean fits = ContextAndContinuation.promptFits(model.contextLength(), longest, hasBos);
            if (context.length > room && fits) {
                // never cut silently: keep BOS, drop the oldest context tokens, and mark the answer
                long[] kept = new long[room];
                int keepFrom = context.length - (room - (hasBos ? 1 : 0));
                if (hasBos) {
                    kept[0] = context[0];
                }
                System.arraycopy(context, keepFrom, kept, hasBos ? 1 : 0, room - (hasBos ? 1 : 0));
                context = kept;
                truncated = true;
            }
            for (int j = 0; j < members.size(); j++) {
                long[] c = continuations[j];
                int full = pairs.get(j).continuation().length;
                boolean prefixMismatch = !pairs.get(j).prefixOk();
                String error = null;
                if (c.length == 0) {
                    error = "encodes to zero tokens after the prompt (the tokenizer merged it into the prompt's last token)";
                } else if (!fits) {
                    error = "a class is " + longest + " tokens long, which leaves no room for the prompt in the model's context of "
                            + model.contextLength();
                }
                if (error != null) {
                    out[members.get(j)] = new Encoded(null, full, false, prefixMismatch, error);
                    continue;
                }
                // the model reads the context and every continuation token but the last
                long[] tokens = Arrays.copyOf(context, context.length + c.length - 1);
                System.arraycopy(c, 0, tokens, context.length, c.length - 1);
                out[members.get(j)] = new Encoded(new PrefixTreeBatches.Sequence(tokens, context.length - 1, c), full,
                        truncated, prefixMismatch, null);
            }
        }
        return out;
    }

    /** lm-evaluation-harness runs each distinct sequence once (its one-token-continuation grouping); this runs less. */
    private void count(List<PrefixTreeBatches.Sequence> sequences) {
        requests += sequences.size();
        distinctPrefixTokens += PrefixTreeBatches.distinctPrefixTokens(sequences);
        Set<List<Long>> distinct = new HashSet<>();
        for (PrefixTreeBatches.Sequence s : sequences) {
            if (distinct.add(Arrays.stream(s.tokens()).boxed().toList())) {
                lmEvalTokens += s.tokens().length;
            }
        }
    }

    /** Everything run so far. */
    public Work workDone() {
        return new Work(requests, work[0], work[1], work[2], distinctPrefixTokens, lmEvalTokens);
    }
}
