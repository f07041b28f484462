package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.ladderboard.tokenizer.ModelTokenizer;
import tools.jackson.databind.JsonNode;

/** Token ids equal the Hugging Face tokenizers library's for every case (no special tokens added). */
class TokenizationTest {

    static final List<String> MODELS = Fixtures.MODELS;

    @ParameterizedTest
    @FieldSource("MODELS")
    void idsEqualTheReferenceTokenizer(String name) {
        try (ModelTokenizer tokenizer = Fixtures.tokenizer(name)) {
            JsonNode cases = Fixtures.expected(name, "tokenization.json").get("cases");
            assertThat(cases.size()).isGreaterThan(10);
            for (JsonNode c : cases) {
                long[] expected = c.get("ids").valueStream().mapToLong(JsonNode::asLong).toArray();
                assertThat(tokenizer.encode(c.get("text").asString())).as("%s: %s", name, c.get("text")).containsExactly(expected);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void bosIsAddedExactlyWhereTheTokenizerAddsOne(String name) {
        try (ModelTokenizer tokenizer = Fixtures.tokenizer(name)) {
            boolean llamaStyle = name.startsWith("stories") || name.startsWith("llama");
            assertThat(tokenizer.bos().isPresent()).isEqualTo(llamaStyle);
            if (llamaStyle) {
                assertThat(tokenizer.bos().getAsLong()).isEqualTo(1);
            }
        }
    }
}
