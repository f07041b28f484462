package org.ladderboard.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * {@code y = x·W + b} with W stored as {@code [in, out]}. Hugging Face's {@code nn.Linear} keeps {@code [out, in]},
 * so those weights are transposed once at load; GPT-2's Conv1D already has this layout.
 */
record Linear(NDArray weight, NDArray bias) {

    static Linear ofTorchLinear(NDArray outIn, NDArray bias) {
        return new Linear(outIn.transpose(), bias);
    }

    /** Weights in these layers: a token costs about two FLOPs per weight. */
    static long size(Linear... layers) {
        long n = 0;
        for (Linear layer : layers) {
            n += layer.weight().size();
        }
        return n;
    }

    NDArray apply(NDArray x) {
        NDArray y = x.matMul(weight);
        return bias == null ? y : y.add(bias);
    }
}
