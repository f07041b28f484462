package org.ladderboard.engine.scoring;

import org.ladderboard.tokenizer.ContextAndContinuation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.TokenRows;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.metrics.Loglikelihood;
import org.ladderboard.metrics.LoglikelihoodModel;
import org.ladderboard.metrics.LoglikelihoodRequest;

/**
 * The prize pipeline's way, kept only as the benchmark's baseline: one full forward per request, batch 1, the
 * vocabulary head over every position. Same token boundaries as {@link Scorer}, so the two must agree; a request
 * that does not fit is an error here, not cut.
 */
public final class NaiveScorer implements LoglikelihoodModel {

    private final CausalLanguageModel model;
    private final ModelTokenizer tokenizer;
    private long tokensRun;
    private long rowsScored;

    public NaiveScorer(CausalLanguageModel model, ModelTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    @Override
    public List<Loglikelihood> loglikelihood(List<LoglikelihoodRequest> requests, BooleanSupplier cancelled) {
        List<Loglikelihood> out = new ArrayList<>();
        for (LoglikelihoodRequest r : requests) {
            ContextAndContinuation pair = ContextAndContinuation.encode(tokenizer, r.context(), r.continuation());
            long[] context = pair.context();
            long[] continuation = r.firstTokenOnly() && pair.continuation().length > 0
                    ? Arrays.copyOf(pair.continuation(), 1) : pair.continuation();
            if (continuation.length == 0 || context.length > ContextAndContinuation.contextRoom(model.contextLength(), continuation.length)) {
                out.add(Loglikelihood.failed("not scored the naive way"));
            } else {
                out.add(new Loglikelihood(forward(context, continuation), pair.continuation().length, false,
                        !pair.prefixOk(), null));
            }
        }
        return out;
    }

    private double forward(long[] context, long[] continuation) {
        int t = context.length + continuation.length - 1;
        long[] ids = Arrays.copyOf(context, t);
        System.arraycopy(continuation, 0, ids, context.length, continuation.length - 1);
        tokensRun += t;
        rowsScored += t;
        try (NDScope scope = new NDScope()) {
            float[] logprobs = model.logits(model.hidden(TokenRows.causal(ids)).reshape(t, -1))
                    .toType(DataType.FLOAT32, false).logSoftmax(-1).toFloatArray();
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
