package org.ladderboard.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * {@code y = x·Wᵀ + b} with W as {@code [out, in]}, Hugging Face's {@code nn.Linear} layout, run as one fused
 * libtorch {@code linear} (matmul and bias add in one call). GPT-2's Conv1D stores {@code [in, out]}; it is
 * viewed transposed once at load, and the matmul reads it without a copy.
 */
record Linear(NDArray weight, NDArray bias) {

    static Linear ofTorchLinear(NDArray outIn, NDArray bias) {
        return new Linear(outIn, bias);
    }

    static Linear ofConv1D(NDArray inOut, NDArray bias) {
        return new Linear(inOut.transpose(), bias);
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
        return (bias == null ? ai.djl.nn.core.Linear.linear(x, weight) : ai.djl.nn.core.Linear.linear(x, weight, bias))
                .singletonOrThrow();
    }
}
