package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.scoring.Evaluator;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ValidationResult;
import org.ladderboard.validation.ValidationSettings;
import tools.jackson.databind.JsonNode;

/** The synthetic datasets scored with the prize's metrics equal the reference JSONL, example by example. */
class ScoredDatasetsTest {

    static final List<String> MODELS = Fixtures.MODELS;

    static List<Example> examples(String file, TaskType type) throws IOException {
        ValidationResult parsed = new DatasetValidator(ValidationSettings.defaults().withMinRows(1))
                .validate(file, Files.readAllBytes(Fixtures.dataset(file)), type);
        assertThat(parsed.valid()).isTrue();
        return parsed.parts().get(0).examples();
    }

    /** Sums over k tokens may drift by k times the per-token tolerance. */
    private static double tolerance(int tokens) {
        return 1e-4 * Math.max(1, tokens);
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void classification(String name) throws IOException {
        List<JsonNode> expected = Fixtures.expectedLines(name, "scores_synthetic_classification.jsonl");
        try (CausalLanguageModel model = Fixtures.load(name); ModelTokenizer tokenizer = Fixtures.tokenizer(name)) {
            List<ExampleResult> results = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.CLASSIFICATION, examples("synthetic_classification.jsonl", TaskType.CLASSIFICATION));
            assertThat(results).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                JsonNode want = expected.get(i);
                ExampleResult got = results.get(i);
                assertThat(got.index()).isEqualTo(want.get("index").asInt());
                if (want.has("error")) {
                    assertThat(got.error()).as("%s row %d must be reported, not scored", name, i).isNotNull()
                            .contains("zero tokens");
                    continue;
                }
                assertThat(got.error()).as("%s row %d", name, i).isNull();
                int[] counts = want.get("class_num_tokens").valueStream().mapToInt(JsonNode::asInt).toArray();
                assertThat(got.classTokenCounts()).as("%s row %d token counts", name, i).containsExactly(counts);
                double[] lps = want.get("class_logprobs").valueStream().mapToDouble(JsonNode::asDouble).toArray();
                for (int j = 0; j < lps.length; j++) {
                    assertThat(got.classLogprobs()[j]).as("%s row %d class %d", name, i, j).isCloseTo(lps[j], within(tolerance(counts[j])));
                }
                int total = java.util.Arrays.stream(counts).sum();
                assertThat(got.loss()).isCloseTo(want.get("loss").asDouble(), within(tolerance(total)));
                assertThat(got.totalLogprob()).isCloseTo(want.get("total_logprob").asDouble(), within(tolerance(total)));
                assertThat(got.correct()).isEqualTo(want.get("correct").asBoolean());
                assertThat(got.predicted()).isEqualTo(want.get("predicted_index").asInt());
                assertThat(got.truncated()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void sequenceProb(String name) throws IOException {
        List<JsonNode> expected = Fixtures.expectedLines(name, "scores_synthetic_sequence_prob.jsonl");
        try (CausalLanguageModel model = Fixtures.load(name); ModelTokenizer tokenizer = Fixtures.tokenizer(name)) {
            List<ExampleResult> results = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.SEQUENCE_PROB, examples("synthetic_sequence_prob.jsonl", TaskType.SEQUENCE_PROB));
            assertThat(results).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                JsonNode want = expected.get(i);
                int tokens = want.get("completion_token_ids").size();
                assertThat(results.get(i).tokenCount()).isEqualTo(tokens);
                assertThat(results.get(i).loss()).as("%s row %d", name, i).isCloseTo(want.get("loss").asDouble(), within(tolerance(tokens)));
            }
        }
    }
}
