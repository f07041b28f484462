package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.scoring.Evaluator;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.metrics.LogoddsScore;

/** Batching, padding, truncation and edge cases: results never depend on how the work was grouped. */
class ScorerBehaviourTest {

    private static Example classification(String prompt, List<String> classes, int answer) {
        return new Example("p", 1, 1, prompt, null, classes, answer, null, Map.of());
    }

    @Test
    void resultsDoNotDependOnBatchSizeOrPadding() throws Exception {
        List<Example> examples = ScoredDatasetsTest.examples("synthetic_classification.jsonl", TaskType.CLASSIFICATION);
        for (String name : List.of("gpt2-tiny-random", "llama-gqa-tiny-random")) {
            try (CausalLanguageModel model = Fixtures.load(name); ModelTokenizer tokenizer = Fixtures.tokenizer(name)) {
                // budget 1: every row alone, no padding; 64: a few rows padded together; 100,000: everything at once
                List<ExampleResult> alone = Evaluator.evaluate(new Scorer(model, tokenizer, 1), TaskType.CLASSIFICATION, examples);
                for (int budget : List.of(64, 100_000)) {
                    List<ExampleResult> grouped = Evaluator.evaluate(new Scorer(model, tokenizer, budget), TaskType.CLASSIFICATION, examples);
                    for (int i = 0; i < alone.size(); i++) {
                        if (!alone.get(i).ok()) {
                            assertThat(grouped.get(i).ok()).isFalse();
                            continue;
                        }
                        for (int j = 0; j < alone.get(i).classLogprobs().length; j++) {
                            assertThat(grouped.get(i).classLogprobs()[j]).as("%s budget %d row %d", name, budget, i)
                                    .isCloseTo(alone.get(i).classLogprobs()[j], within(1e-5));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aPackedClassScoresAsIfItRanAloneAfterThePrompt() {
        try (CausalLanguageModel model = Fixtures.load("stories260K-hf"); ModelTokenizer tokenizer = Fixtures.tokenizer("stories260K-hf")) {
            String prompt = "Once upon a time, there was a";
            List<String> classes = List.of(" little girl", " big dog named Max", " tree");
            ExampleResult packed = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.CLASSIFICATION, List.of(classification(prompt, classes, 0))).get(0);
            for (int j = 0; j < classes.size(); j++) {
                assertThat(packed.classLogprobs()[j]).isCloseTo(alone(model, tokenizer, prompt, classes.get(j)), within(1e-5));
            }
        }
    }

    /** The class's summed log-prob from one plain causal forward over BOS + prompt + class. */
    private static double alone(CausalLanguageModel model, ModelTokenizer tokenizer, String prompt, String cls) {
        long[] context = tokenizer.encode(prompt);
        long[] whole = tokenizer.encode(prompt + cls);
        long[] ids = new long[whole.length + 1];
        ids[0] = tokenizer.bos().getAsLong();
        System.arraycopy(whole, 0, ids, 1, whole.length);
        double[] next = ForwardPassTest.nextTokenLogprobs(model, ids)[0];
        return Arrays.stream(next, context.length, next.length).sum();
    }

    @Test
    void aPromptLongerThanTheContextIsCutOnTheLeftAndMarked() {
        // gpt2-tiny-random has a 128-token context
        try (CausalLanguageModel model = Fixtures.load("gpt2-tiny-random"); ModelTokenizer tokenizer = Fixtures.tokenizer("gpt2-tiny-random")) {
            StringBuilder prompt = new StringBuilder();
            for (int i = 0; i < 150; i++) {
                prompt.append(" word").append(i % 7);
            }
            List<Example> examples = List.of(classification(prompt.toString(), List.of(" yes", " no way"), 0),
                    classification("Short prompt", List.of(" yes", " no way"), 0));
            List<ExampleResult> results = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.CLASSIFICATION, examples);
            assertThat(results.get(0).truncated()).isTrue();
            assertThat(results.get(1).truncated()).isFalse();

            // the same as scoring the last (128 − longest class + 1) prompt tokens by hand: the model reads all but
            // the longest class's last token
            long[] context = tokenizer.encode(prompt.toString());
            long[] yes = tokenizer.encode(" yes");
            int room = model.contextLength() - tokenizer.encode(" no way").length + 1;
            long[] kept = Arrays.copyOfRange(context, context.length - room, context.length);
            long[] ids = new long[kept.length + yes.length];
            System.arraycopy(kept, 0, ids, 0, kept.length);
            System.arraycopy(yes, 0, ids, kept.length, yes.length);
            double[] next = ForwardPassTest.nextTokenLogprobs(model, ids)[0];
            double byHand = Arrays.stream(next, kept.length - 1, next.length).sum();
            assertThat(results.get(0).classLogprobs()[0]).isCloseTo(byHand, within(1e-5));
        }
    }

    @Test
    void aRowOfExactlyContextPlusOneTokensFitsBecauseItsLastTokenIsNeverInput() {
        // gpt2-tiny-random has a 128-token context: a 127-token prompt and a 2-token class make 129 tokens, of which
        // the model reads 128 (the last class token is only predicted)
        try (CausalLanguageModel model = Fixtures.load("gpt2-tiny-random"); ModelTokenizer tokenizer = Fixtures.tokenizer("gpt2-tiny-random")) {
            String prompt = "Hello" + " the".repeat(126);
            assertThat(tokenizer.encode(prompt)).hasSize(127);
            assertThat(tokenizer.encode(prompt + " no way")).hasSize(129);
            List<Example> examples = List.of(classification(prompt, List.of(" no way", " yes"), 0),
                    classification(prompt, List.of(" no", " yes"), 0),
                    classification(prompt + " no", List.of(" way", " yes"), 0));
            List<ExampleResult> results = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.CLASSIFICATION, examples);
            assertThat(results).extracting(ExampleResult::truncated).containsExactly(false, false, false);
            double noThenWay = results.get(1).classLogprobs()[0] + results.get(2).classLogprobs()[0];
            assertThat(results.get(0).classLogprobs()[0]).isCloseTo(noThenWay, within(1e-5));
        }
    }

    @Test
    void aClassWhoseBoundaryMovesIsScoredTheLmEvalWayAndFlagged() {
        try (CausalLanguageModel model = Fixtures.load("gpt2-tiny-random"); ModelTokenizer tokenizer = Fixtures.tokenizer("gpt2-tiny-random")) {
            // "a wor" + "ld is big" encodes as "a| world| is| big": the prompt's " wor" is not a prefix
            List<Example> examples = List.of(classification("a wor", List.of("ld is big", " cat"), 0),
                    classification("a word", List.of(" is big", " cat"), 0));
            List<ExampleResult> results = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.CLASSIFICATION, examples);
            assertThat(results).extracting(ExampleResult::ok).containsExactly(true, true);
            assertThat(results).extracting(ExampleResult::prefixMismatch).containsExactly(true, false);
            assertThat(results.get(0).classTokenCounts()).containsExactly(2, 1);
        }
    }

    @Test
    void logoddsResultsCarryBothPromptsLogprobsSoTheDifferenceCanBeRecomputed() {
        try (CausalLanguageModel model = Fixtures.load("stories260K-hf"); ModelTokenizer tokenizer = Fixtures.tokenizer("stories260K-hf")) {
            Example logodds = new Example("p", 1, 1, "Lily was very", "Tom was very", List.of(" happy", " sad"), 1, null, Map.of());
            ExampleResult r = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.LOGODDS, List.of(logodds)).get(0);
            assertThat(r.otherClassLogprobs()).containsExactly(firstTokenLogprobs(model, tokenizer, "Tom was very", List.of(" happy", " sad")),
                    within(1e-5));
            assertThat(LogoddsScore.of(r.classLogprobs(), r.otherClassLogprobs(), 1, false).logoddsDifference())
                    .isEqualTo(r.logoddsDifference());
        }
    }

    @Test
    void aClassThatCannotFitIsAnErrorNotACrash() {
        try (CausalLanguageModel model = Fixtures.load("gpt2-tiny-random"); ModelTokenizer tokenizer = Fixtures.tokenizer("gpt2-tiny-random")) {
            String huge = " x".repeat(200);
            ExampleResult r = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.CLASSIFICATION, List.of(classification("Hi", List.of(huge, " y"), 1))).get(0);
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("no room for the prompt");
        }
    }

    @Test
    void sequenceProbAndLogoddsUseTheSameBoundaries() {
        try (CausalLanguageModel model = Fixtures.load("stories260K-hf"); ModelTokenizer tokenizer = Fixtures.tokenizer("stories260K-hf")) {
            Scorer scorer = new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET);
            Example sequence = new Example("p", 1, 1, "Once upon a time", null, null, null, " there was a girl", Map.of());
            ExampleResult seq = Evaluator.evaluate(scorer, TaskType.SEQUENCE_PROB, List.of(sequence)).get(0);
            assertThat(seq.loss()).isCloseTo(-alone(model, tokenizer, "Once upon a time", " there was a girl"), within(1e-5));

            List<String> classes = List.of(" happy", " sad");
            Example logodds = new Example("p", 1, 1, "Lily was very", "Tom was very", classes, 1, null, Map.of());
            ExampleResult lo = Evaluator.evaluate(scorer, TaskType.LOGODDS, List.of(logodds)).get(0);
            double[] first = firstTokenLogprobs(model, tokenizer, "Lily was very", classes);
            double[] other = firstTokenLogprobs(model, tokenizer, "Tom was very", classes);
            LogoddsScore expected = LogoddsScore.of(first, other, 1, false);
            assertThat(lo.logoddsDifference()).isCloseTo(expected.logoddsDifference(), within(1e-5));
            assertThat(lo.correct()).isEqualTo(expected.correct());
            ExampleResult absolute = Evaluator.evaluate(scorer, TaskType.ABSOLUTE_LOGODDS, List.of(logodds)).get(0);
            assertThat(absolute.logoddsDifference()).isCloseTo(Math.abs(expected.logoddsDifference()), within(1e-5));
        }
    }

    private static double[] firstTokenLogprobs(CausalLanguageModel model, ModelTokenizer tokenizer, String prompt, List<String> classes) {
        List<Double> out = new ArrayList<>();
        for (String c : classes) {
            long[] context = tokenizer.encode(prompt);
            long[] whole = tokenizer.encode(prompt + c);
            long[] ids = new long[context.length + 2];
            ids[0] = tokenizer.bos().getAsLong();
            System.arraycopy(whole, 0, ids, 1, context.length + 1);
            double[] next = ForwardPassTest.nextTokenLogprobs(model, ids)[0];
            out.add(next[next.length - 1]);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
