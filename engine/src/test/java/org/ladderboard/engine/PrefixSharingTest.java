package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.scoring.Evaluator;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.tokenizer.ModelTokenizer;

/**
 * Sharing prefixes across rows changes how much runs, never a result: templated rows (one instruction, many
 * questions) and few-shot rows (demonstrations drawn per row from one pool) score as every request run alone.
 */
class PrefixSharingTest {

    static final List<String> MODELS = Fixtures.MODELS;

    private static final String[] WORDS = {"apple", "river", "stone", "cloud", "green", "quiet", "seven", "honest",
            "paper", "window", "bright", "slow"};

    static List<Example> templated(Random random) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String question = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
            out.add(new Example("p", i + 1, i + 2, "Write a quote that ends in the word \"" + question
                    + "\": Absence makes the heart grow", null, List.of(" fonder", " " + WORDS[i % WORDS.length] + " again"),
                    0, null, Map.of()));
        }
        return out;
    }

    static List<Example> fewShot(Random random) {
        List<String> demonstrations = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            demonstrations.add("Q: is " + WORDS[d] + " a word?\nA: yes\n\n");
        }
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            StringBuilder prompt = new StringBuilder();
            for (int shot = 0; shot < 4; shot++) {
                prompt.append(demonstrations.get(random.nextInt(demonstrations.size())));
            }
            prompt.append("Q: is ").append(WORDS[random.nextInt(WORDS.length)]).append(" a word?\nA:");
            out.add(new Example("p", i + 1, i + 2, prompt.toString(), null, List.of(" yes", " no", " not sure"),
                    i % 3, null, Map.of()));
        }
        return out;
    }

    /** Also when the prompt is longer than a row: its row may then grow to twice the sequence's length. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {Scorer.DEFAULT_TOKEN_BUDGET, 256})
    void aLongPromptRunsOnceForAllItsClasses(int budget) {
        try (CausalLanguageModel model = Fixtures.load("stories260K-hf"); ModelTokenizer tokenizer = Fixtures.tokenizer("stories260K-hf")) {
            String prompt = "Once upon a time, there was a little girl named Lily. ".repeat(28).strip();
            int promptTokens = tokenizer.encode(prompt).length + 1;
            assertThat(promptTokens).isBetween(300, 480);
            Scorer scorer = new Scorer(model, tokenizer, budget);
            Evaluator.evaluate(scorer, TaskType.CLASSIFICATION, List.of(new Example("p", 1, 2, prompt, null,
                    List.of(" She was happy", " He was sad", " It was big"), 0, null, Map.of())));
            assertThat(scorer.workDone().bodyTokens()).isLessThan(promptTokens + 12);
        }
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void sharedPrefixesScoreAsEveryRequestRunAlone(String name) {
        Random random = new Random(13);
        try (CausalLanguageModel model = Fixtures.load(name); ModelTokenizer tokenizer = Fixtures.tokenizer(name)) {
            for (List<Example> examples : List.of(templated(random), fewShot(random))) {
                Scorer alone = new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET, 1);
                Scorer shared = new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET);
                List<ExampleResult> expected = Evaluator.evaluate(alone, TaskType.CLASSIFICATION, examples);
                List<ExampleResult> got = Evaluator.evaluate(shared, TaskType.CLASSIFICATION, examples);
                for (int i = 0; i < examples.size(); i++) {
                    assertThat(got.get(i).ok()).isEqualTo(expected.get(i).ok());
                    for (int j = 0; expected.get(i).ok() && j < expected.get(i).classLogprobs().length; j++) {
                        // float32 sums in differently shaped matmuls: 1e-5 per token summed
                        assertThat(got.get(i).classLogprobs()[j]).as("%s row %d class %d", name, i, j)
                                .isCloseTo(expected.get(i).classLogprobs()[j], within(1e-5 * expected.get(i).classTokenCounts()[j]));
                    }
                }
                assertThat(shared.workDone().bodyTokens()).as("shared prefixes run once")
                        .isLessThan(alone.workDone().bodyTokens() / 2);
            }
        }
    }
}
