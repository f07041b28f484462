package org.ladderboard.engine.model;

import java.util.stream.LongStream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * A decoder-only language model split where scoring needs it: the body runs over whole (packed) sequences, the
 * vocabulary head only over the rows that are scored, because over a 50k vocabulary the head costs more than a
 * small model's layers.
 */
public interface CausalLanguageModel extends AutoCloseable {

    /**
     * Hidden states after the final norm at the flat positions {@code at} ({@code b·T + t}) of the rows, in that
     * order. The model plans attention from the rows' trees. Only those positions' states are read, so the last
     * block computes its keys and values everywhere but its output projection and MLP only there.
     *
     * @return {@code [at.length, hidden]}
     */
    NDArray hidden(TokenRows rows, long[] at);

    /** Hidden states after the final norm at every position: {@code [B, T, hidden]}. */
    default NDArray hidden(TokenRows rows) {
        long[] every = LongStream.range(0, (long) rows.rows() * rows.width()).toArray();
        return hidden(rows, every).reshape(rows.rows(), rows.width(), -1);
    }

    /** Vocabulary logits for hidden rows {@code [N, hidden]} → {@code [N, vocab]}. */
    NDArray logits(NDArray hiddenRows);

    /** d: the width of the hidden states. */
    int hiddenSize();

    /** The longest sequence the model was trained on (positions 0 … contextLength−1). */
    int contextLength();

    int vocabSize();

    /** The manager holding the weights, on the model's device. */
    NDManager manager();

    /** The dtype the body computes in (log-softmax is always float32). */
    DataType computeType();

    /** Weights in the body's layers (embeddings excluded): a token costs about 2·N FLOPs. */
    long parameterCount();

    /**
     * Weights of the last block that run only at the positions read ({@link #hidden(TokenRows, long[])}): its
     * attention output projection and MLP. A token that is not read costs 2·(N − this) FLOPs.
     */
    default long outputOnlyParameterCount() {
        return 0;
    }

    /** Weights in the vocabulary head (hidden × vocab): each scored row costs 2·this FLOPs. */
    default long headParameterCount() {
        return 0;
    }

    @Override
    void close();
}
