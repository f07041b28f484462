package org.ladderboard.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * Scaled dot-product attention shared by every architecture: {@code softmax(q·kᵀ/√d + bias)·v}, with the keys and
 * values of grouped-query attention repeated so that query head h reads kv head {@code h / (heads / kvHeads)}.
 */
final class Attention {

    private Attention() {
    }

    /**
     * @param q    {@code [B, heads, T, d]}
     * @param k    {@code [B, kvHeads, T, d]}
     * @param v    {@code [B, kvHeads, T, d]}
     * @param bias {@code [B, 1, T, T]}: 0 where a query may look, −∞ where it may not
     * @return {@code [B, T, heads·d]}
     */
    static NDArray apply(NDArray q, NDArray k, NDArray v, NDArray bias) {
        long heads = q.getShape().get(1);
        long kvHeads = k.getShape().get(1);
        if (kvHeads != heads) {
            k = k.repeat(1, heads / kvHeads);
            v = v.repeat(1, heads / kvHeads);
        }
        // scaling q ([T, d]) is cheaper than scaling the scores ([T, T]); the bias adds in place
        double scale = 1.0 / Math.sqrt(q.getShape().get(3));
        NDArray scores = q.mul(scale).matMul(k.transpose(0, 1, 3, 2)).addi(bias);
        NDArray out = scores.softmax(-1).matMul(v);
        long[] s = out.getShape().getShape();
        return out.transpose(0, 2, 1, 3).reshape(s[0], s[2], s[1] * s[3]);
    }

    /** {@code [B, T, heads·d]} → {@code [B, heads, T, d]}. */
    static NDArray splitHeads(NDArray x, long heads, long headDim) {
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], heads, headDim).transpose(0, 2, 1, 3);
    }
}
