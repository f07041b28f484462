package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.tokenizer.ModelTokenizer;
import tools.jackson.databind.JsonNode;

/**
 * The one real pretrained fixture, stories260K, writes its own story: generating greedily from BOS reproduces the
 * reference sequence token for token, and it decodes to the reference text.
 */
class GreedyContinuationTest {

    @Test
    void storiesWritesTheExpectedStoryFromBos() {
        JsonNode reference = Fixtures.expected("stories260K-hf", "forward.json").get("sequences").get(0);
        long[] expected = reference.get("input_ids").valueStream().mapToLong(JsonNode::asLong).toArray();
        try (CausalLanguageModel model = Fixtures.load("stories260K-hf");
             ModelTokenizer tokenizer = Fixtures.tokenizer("stories260K-hf")) {
            long[] ids = {tokenizer.bos().getAsLong()};
            while (ids.length < expected.length) {
                double[][] step = ForwardPassTest.nextTokenLogprobs(model, Arrays.copyOf(ids, ids.length + 1));
                ids = Arrays.copyOf(ids, ids.length + 1);
                ids[ids.length - 1] = (long) step[1][ids.length - 2];
            }
            assertThat(ids).containsExactly(expected);
            assertThat(tokenizer.decode(Arrays.copyOfRange(ids, 1, ids.length))).isEqualTo(reference.get("text").asString());
        }
    }
}
