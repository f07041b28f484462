package org.ladderboard.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * What every architecture shares around its forward pass: the weights' manager and dtype, the context and vocabulary
 * sizes, and the vocabulary head (stored {@code [hidden, vocab]}), applied only to the rows being scored.
 */
abstract class DecoderModel implements CausalLanguageModel {

    private final NDManager manager;
    private final DataType type;
    private final int context;
    private final int vocab;
    private NDArray head;
    private long parameters;

    DecoderModel(NDManager manager, DataType type, int context, int vocab) {
        this.manager = manager;
        this.type = type;
        this.context = context;
        this.vocab = vocab;
    }

    /** Set by the architecture once its weights are read: the head as {@code [hidden, vocab]}, the body's weight count. */
    final void finish(NDArray head, long parameters) {
        this.head = head;
        this.parameters = parameters;
    }

    @Override
    public NDArray logits(NDArray hiddenRows) {
        return hiddenRows.matMul(head);
    }

    @Override
    public long headParameterCount() {
        return head.size();
    }

    @Override
    public int contextLength() {
        return context;
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public DataType computeType() {
        return type;
    }

    @Override
    public long parameterCount() {
        return parameters;
    }

    @Override
    public void close() {
        manager.close();
    }
}
