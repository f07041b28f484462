package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.TokenRows;
import tools.jackson.databind.JsonNode;

/** Every fixture, every sequence, every position: next-token log-probs within 1e-4 of the reference. */
class ForwardPassTest {

    static final List<String> MODELS = Fixtures.MODELS;

    /** log_softmax(logits[t])[ids[t+1]] for every t, and the argmax at every t. */
    static double[][] nextTokenLogprobs(CausalLanguageModel model, long[] ids) {
        int t = ids.length;
        try (NDScope scope = new NDScope()) {
            NDArray hidden = model.hidden(TokenRows.causal(ids));
            NDArray logprobs = model.logits(hidden.reshape(t, -1)).toType(DataType.FLOAT32, false).logSoftmax(-1);
            float[] all = logprobs.toFloatArray();
            long[] argmax = logprobs.argMax(1).toLongArray();
            int vocab = model.vocabSize();
            double[] next = new double[t - 1];
            for (int i = 0; i < t - 1; i++) {
                next[i] = all[i * vocab + (int) ids[i + 1]];
            }
            return new double[][] {next, Arrays.stream(argmax).asDoubleStream().toArray()};
        }
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void matchesTheReferenceAtEveryPosition(String name) {
        try (CausalLanguageModel model = Fixtures.load(name)) {
            for (JsonNode sequence : Fixtures.expected(name, "forward.json").get("sequences")) {
                long[] ids = sequence.get("input_ids").valueStream().mapToLong(JsonNode::asLong).toArray();
                double[][] got = nextTokenLogprobs(model, ids);
                double[] expected = sequence.get("next_token_logprob").valueStream().mapToDouble(JsonNode::asDouble).toArray();
                assertThat(got[0]).hasSameSizeAs(expected);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(got[0][i]).as("%s position %d", name, i).isCloseTo(expected[i], within(1e-4));
                }
                long[] argmax = sequence.get("argmax").valueStream().mapToLong(JsonNode::asLong).toArray();
                for (int i = 0; i < argmax.length; i++) {
                    assertThat((long) got[1][i]).as("%s argmax at %d", name, i).isEqualTo(argmax[i]);
                }
            }
        }
    }

    /**
     * The last block runs its output projection and MLP only where states are read: at any positions, in any order,
     * they equal the full forward pass's, on a batch of two prefix-tree rows with padding.
     */
    @ParameterizedTest
    @FieldSource("MODELS")
    void statesReadAtSomePositionsEqualTheFullPass(String name) {
        try (CausalLanguageModel model = Fixtures.load(name); NDScope scope = new NDScope()) {
            // row 0: a prompt of 5 with two branches of 2; row 1: a sequence of 4, then padding
            long[] ids = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 0, 0, 0, 0, 0};
            long[] positions = {0, 1, 2, 3, 4, 5, 6, 5, 6, 0, 1, 2, 3, 0, 0, 0, 0, 0};
            long[] ends = {9, 9, 9, 9, 9, 7, 7, 9, 9, 4, 4, 4, 4, 5, 6, 7, 8, 9};
            TokenRows rows = new TokenRows(2, 9, ids, positions, ends);
            long[] read = {6, 4, 12, 8, 0};
            NDArray full = model.hidden(rows).reshape(18, -1);
            NDArray some = model.hidden(rows, read);
            for (int i = 0; i < read.length; i++) {
                float largest = some.get(i).sub(full.get(read[i])).abs().max().getFloat();
                assertThat(largest).as("%s position %d", name, read[i]).isLessThan(1e-5f);
            }
        }
    }
}
