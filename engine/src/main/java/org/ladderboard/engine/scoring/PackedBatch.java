package org.ladderboard.engine.scoring;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ladderboard.engine.model.CausalLanguageModel;

/**
 * Runs packed sequences of similar length through the model together and returns the log-prob of every target
 * token. Padding never changes a real token's result: a padding row attends only to itself, and no real row
 * attends to padding, so any batch composition gives the same numbers (within floating-point tolerance).
 */
final class PackedBatch {

    private PackedBatch() {
    }

    /** Log-probs of each sequence's targets, in target order: {@code result[s][i]}. */
    static double[][] targetLogprobs(CausalLanguageModel model, List<PackedSequence> sequences) {
        int batch = sequences.size();
        int width = sequences.stream().mapToInt(PackedSequence::length).max().orElse(0);
        long[] ids = new long[batch * width];
        long[] positions = new long[batch * width];
        float[] bias = new float[batch * width * width];
        int targetCount = sequences.stream().mapToInt(s -> s.targets.size()).sum();
        long[] rows = new long[targetCount];
        long[] tokens = new long[targetCount];
        int n = 0;
        for (int b = 0; b < batch; b++) {
            PackedSequence s = sequences.get(b);
            System.arraycopy(s.tokens, 0, ids, b * width, s.length());
            System.arraycopy(s.positions, 0, positions, b * width, s.length());
            int base = b * width * width;
            for (int q = 0; q < width; q++) {
                for (int k = 0; k < width; k++) {
                    boolean allowed = q < s.length() ? k < s.length() && s.sees(q, k) : k == q;
                    bias[base + q * width + k] = allowed ? 0f : Float.NEGATIVE_INFINITY;
                }
            }
            for (PackedSequence.Target t : s.targets) {
                rows[n] = (long) b * width + t.row();
                tokens[n++] = t.token();
            }
        }
        NDManager manager = model.manager();
        NDArray hidden = model.hidden(
                manager.create(ids, new Shape(batch, width)),
                manager.create(positions, new Shape(batch, width)),
                manager.create(bias, new Shape(batch, 1, width, width)).toType(model.computeType(), false));
        NDArray scoredRows = hidden.reshape(-1, hidden.getShape().get(2)).get(manager.create(rows));
        NDArray logprobs = model.logits(scoredRows).toType(DataType.FLOAT32, false).logSoftmax(-1);
        float[] picked = logprobs.gather(manager.create(tokens, new Shape(targetCount, 1)), 1).toFloatArray();

        double[][] out = new double[batch][];
        n = 0;
        for (int b = 0; b < batch; b++) {
            out[b] = new double[sequences.get(b).targets.size()];
            for (int i = 0; i < out[b].length; i++) {
                out[b][i] = picked[n++];
            }
        }
        return out;
    }
}
