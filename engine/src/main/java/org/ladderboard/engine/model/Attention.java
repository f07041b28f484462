package org.ladderboard.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * Scaled dot-product attention shared by every architecture: {@code softmax(q·kᵀ/√d + mask)·v}, each query
 * over the keys its {@link AttentionPlan} gives it, with the keys and values of grouped-query attention repeated so that query head h reads kv head {@code h / (heads / kvHeads)}.
 */
final class Attention {

    private Attention() {
    }

    /**
     * @param q    {@code [B, heads, T, d]}
     * @param k    {@code [B, kvHeads, T, d]}
     * @param v    {@code [B, kvHeads, T, d]}
     * @param plan which keys each query reads, in groups of segments
     * @return {@code [B, T, heads·d]}
     */
    static NDArray apply(NDArray q, NDArray k, NDArray v, AttentionPlan plan) {
        long[] shape = q.getShape().getShape();
        long heads = shape[1];
        long headDim = shape[3];
        long kvHeads = k.getShape().get(1);
        if (kvHeads != heads) {
            k = k.repeat(1, heads / kvHeads);
            v = v.repeat(1, heads / kvHeads);
        }
        double scale = 1.0 / Math.sqrt(headDim);
        NDArray queries = byToken(q);
        NDArray keys = byToken(k);
        NDArray values = byToken(v);
        NDList outputs = new NDList();
        for (AttentionPlan.Group g : plan.groups()) {
            // scaling the gathered queries is cheaper than scaling the scores
            NDArray gq = heads(DecoderModel.rowsAt(queries, g.queryAt()).muli(scale), g.units(), g.queries(), heads,
                    headDim);
            NDArray gk = heads(DecoderModel.rowsAt(keys, g.keyAt()), g.units(), g.keys(), heads, headDim);
            NDArray gv = heads(DecoderModel.rowsAt(values, g.keyAt()), g.units(), g.keys(), heads, headDim);
            NDArray scores = gq.matMul(gk.transpose(0, 1, 3, 2)).addi(g.bias());
            outputs.add(scores.softmax(-1).matMul(gv).transpose(0, 2, 1, 3)
                    .reshape((long) g.units() * g.queries(), heads * headDim));
        }
        NDArray all = outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(outputs, 0);
        return DecoderModel.rowsAt(all, plan.outputAt()).reshape(shape[0], shape[2], heads * headDim);
    }

    /** {@code [B, heads, T, d]} → {@code [B·T, heads·d]}: a token's flat index {@code b·T + t} is its row. */
    private static NDArray byToken(NDArray x) {
        long[] s = x.getShape().getShape();
        return x.transpose(0, 2, 1, 3).reshape(s[0] * s[2], s[1] * s[3]);
    }

    /** {@code [G·L, heads·d]} → {@code [G, heads, L, d]}. */
    private static NDArray heads(NDArray x, long units, long length, long heads, long headDim) {
        return x.reshape(units, length, heads, headDim).transpose(0, 2, 1, 3);
    }

    /** {@code [B, T, heads·d]} → {@code [B, heads, T, d]}. */
    static NDArray splitHeads(NDArray x, long heads, long headDim) {
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], heads, headDim).transpose(0, 2, 1, 3);
    }
}
