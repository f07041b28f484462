package org.ladderboard.engine.scoring;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ladderboard.dataset.Example;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.tokenizer.ModelTokenizer;

/**
 * The prize pipeline's way, kept only as the benchmark's baseline: one full forward per prompt + class, batch 1,
 * the vocabulary head over every position. Same token boundaries and sums as {@link Scorer}, so the two must agree.
 */
public final class NaiveScorer {

    private final CausalLanguageModel model;
    private final ModelTokenizer tokenizer;
    private long tokensRun;
    private long rowsScored;

    public NaiveScorer(CausalLanguageModel model, ModelTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** Each class's summed log-prob, per example (null for examples the packed scorer reports as errors). */
    public double[][] classLogprobs(List<Example> examples) {
        double[][] out = new double[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            List<String> classes = e.classes() != null ? e.classes() : List.of(e.completion());
            double[] sums = new double[classes.size()];
            for (int j = 0; j < classes.size() && sums != null; j++) {
                ContextAndContinuation pair = ContextAndContinuation.encode(tokenizer, e.prompt(), classes.get(j));
                long[] context = pair.context();
                long[] continuation = pair.continuation();
                if (continuation.length == 0 || context.length + continuation.length > model.contextLength()) {
                    sums = null;
                } else {
                    sums[j] = forward(context, continuation);
                }
            }
            out[i] = sums;
        }
        return out;
    }

    private double forward(long[] context, long[] continuation) {
        int t = context.length + continuation.length;
        long[] ids = new long[t];
        System.arraycopy(context, 0, ids, 0, context.length);
        System.arraycopy(continuation, 0, ids, context.length, continuation.length);
        long[] positions = new long[t];
        float[] causal = new float[t * t];
        for (int q = 0; q < t; q++) {
            positions[q] = q;
            for (int k = 0; k < t; k++) {
                causal[q * t + k] = k <= q ? 0f : Float.NEGATIVE_INFINITY;
            }
        }
        tokensRun += t;
        rowsScored += t;
        try (NDScope scope = new NDScope()) {
            NDManager m = model.manager();
            NDArray hidden = model.hidden(m.create(ids, new Shape(1, t)), m.create(positions, new Shape(1, t)),
                    m.create(causal, new Shape(1, 1, t, t)).toType(model.computeType(), false));
            float[] logprobs = model.logits(hidden.reshape(t, -1)).toType(DataType.FLOAT32, false).logSoftmax(-1).toFloatArray();
            int vocab = (int) (logprobs.length / t);
            double sum = 0;
            for (int k = 0; k < continuation.length; k++) {
                sum += logprobs[(context.length - 1 + k) * vocab + (int) continuation[k]];
            }
            return sum;
        }
    }

    /** Tokens run through the body and rows run through the head so far. */
    public long[] workDone() {
        return new long[] {tokensRun, rowsScored};
    }
}
