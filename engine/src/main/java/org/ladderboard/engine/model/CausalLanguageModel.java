package org.ladderboard.engine.model;

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
     * Hidden states after the final norm. The model builds the attention mask the rows describe.
     *
     * @return {@code [B, T, hidden]}
     */
    NDArray hidden(TokenRows rows);

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

    /** Weights in the vocabulary head (hidden × vocab): each scored row costs 2·this FLOPs. */
    default long headParameterCount() {
        return 0;
    }

    @Override
    void close();
}
