package org.ladderboard.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

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
    private long outputOnlyParameters;

    DecoderModel(NDManager manager, DataType type, int context, int vocab) {
        this.manager = manager;
        this.type = type;
        this.context = context;
        this.vocab = vocab;
    }

    /**
     * Set by the architecture once its weights are read: the head as {@code [hidden, vocab]}, the body's weight count
     * and how many of them the last block runs only at the positions read.
     */
    final void finish(NDArray head, long parameters, long outputOnlyParameters) {
        this.head = head;
        this.parameters = parameters;
        this.outputOnlyParameters = outputOnlyParameters;
    }

    /** The rows' ids and positions as {@code [B, T]} int64 arrays on the model's device. */
    final NDArray[] idsAndPositions(TokenRows rows) {
        Shape shape = new Shape(rows.rows(), rows.width());
        return new NDArray[] {manager.create(rows.ids(), shape), manager.create(rows.positions(), shape)};
    }

    /** The positions read, on the model's device. */
    final NDArray positionsRead(long[] at) {
        return manager.create(at);
    }

    /**
     * The rows at flat positions {@code at} of {@code x} ({@code [B, T, F]} or {@code [N, F]}) as {@code [N, F]}, as
     * one row gather (libtorch's embedding lookup, a copy per row): attention's keys and values, and the last block's
     * residual stream taken where it is read.
     */
    static NDArray rowsAt(NDArray x, NDArray at) {
        return Embedding.embedding(at, x.reshape(-1, x.getShape().get(x.getShape().dimension() - 1)), SparseFormat.DENSE)
                .singletonOrThrow();
    }

    /** Which keys each query reads, planned once per batch from the rows' trees and shared by every layer. */
    final AttentionPlan attentionPlan(TokenRows rows) {
        return AttentionPlan.of(rows, manager, type);
    }

    /**
     * Runs one transformer block and frees what it made when it ends, so the block must update the residual stream
     * in place. Without this every layer's scores, activations and copies stay alive until the batch ends: at
     * GPT-2-small size that is twelve layers' worth, most of the process's memory.
     */
    static void block(Runnable step) {
        try (NDScope scope = new NDScope()) {
            step.run();
        }
    }

    @Override
    public NDArray logits(NDArray hiddenRows) {
        return hiddenRows.matMul(head);
    }

    @Override
    public int hiddenSize() {
        return (int) head.getShape().get(0);
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
    public long outputOnlyParameterCount() {
        return outputOnlyParameters;
    }

    @Override
    public void close() {
        manager.close();
    }
}
