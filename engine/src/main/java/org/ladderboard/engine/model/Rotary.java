package org.ladderboard.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Rotary position embedding in Hugging Face's rotate-half layout: the first {@code dims} features of each head are
 * split in two halves rotated together by angle {@code position · θ^(−2i/dims)}; the rest pass unchanged (GPT-NeoX's
 * partial rotary). Angles are computed in float32 exactly as transformers does.
 */
final class Rotary {

    private final int dims;
    private final NDArray inverseFrequencies;

    Rotary(NDManager manager, int dims, double theta) {
        this.dims = dims;
        float[] inverse = new float[dims / 2];
        for (int i = 0; i < inverse.length; i++) {
            inverse[i] = (float) (1.0 / Math.pow(theta, (float) (2 * i) / dims));
        }
        this.inverseFrequencies = manager.create(inverse);
    }

    /** cos and sin for positions {@code [B, T]}, each {@code [B, 1, T, dims]}, in the given dtype. */
    NDArray[] angles(NDArray positions, DataType type) {
        NDArray freqs = positions.toType(DataType.FLOAT32, false).expandDims(-1).mul(inverseFrequencies.toDevice(positions.getDevice(), false));
        NDArray emb = freqs.concat(freqs, -1).expandDims(1);
        return new NDArray[] {emb.cos().toType(type, false), emb.sin().toType(type, false)};
    }

    /** Rotates the first {@code dims} features of {@code x [B, heads, T, d]}. */
    NDArray apply(NDArray x, NDArray[] cosSin) {
        long headDim = x.getShape().get(3);
        NDArray rotated = dims == headDim ? x : x.get("..., :" + dims);
        NDArray first = rotated.get("..., :" + dims / 2);
        NDArray second = rotated.get("..., " + dims / 2 + ":");
        NDArray rotateHalf = second.neg().concat(first, -1);
        NDArray out = rotated.mul(cosSin[0]).add(rotateHalf.mul(cosSin[1]));
        return dims == headDim ? out : out.concat(x.get("..., " + dims + ":"), -1);
    }
}
