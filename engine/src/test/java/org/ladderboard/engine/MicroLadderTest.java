package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.ModelLoader;
import org.ladderboard.engine.scoring.Evaluator;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ValidationSettings;

/**
 * The bundled demo ladder (transformers-5 configs: {@code rope_parameters.rope_theta}) scores its probes as its
 * README says Hugging Face transformers does: inverse scaling on instructed-ending, standard on the control.
 */
class MicroLadderTest {

    static final Path LADDER = Path.of("..", "ladders");

    @ParameterizedTest
    @CsvSource({
            "micro-40k, instructed-ending, 4.658, 0.237", "micro-40k, plain-ending, 1.306, 0.767",
            "micro-100k, instructed-ending, 5.145, 0.193", "micro-100k, plain-ending, 0.951, 0.817",
            "micro-300k, instructed-ending, 5.269, 0.160", "micro-300k, plain-ending, 0.657, 0.843",
            "micro-1m, instructed-ending, 5.829, 0.120", "micro-1m, plain-ending, 0.390, 0.880"})
    void probesScoreAsTheLadderReadmeSays(String rung, String probe, double meanLoss, double accuracy) throws IOException {
        byte[] csv = Files.readAllBytes(LADDER.resolve("probes").resolve(probe + ".csv"));
        List<Example> examples = new DatasetValidator(ValidationSettings.defaults())
                .validate(probe + ".csv", csv, TaskType.CLASSIFICATION).parts().get(0).examples();
        Path dir = LADDER.resolve("micro").resolve(rung);
        try (CausalLanguageModel model = ModelLoader.load(dir, Device.cpu()); ModelTokenizer tokenizer = ModelTokenizer.open(dir)) {
            assertThat(tokenizer.bos()).isEmpty();
            List<ExampleResult> results = Evaluator.evaluate(new Scorer(model, tokenizer, Scorer.DEFAULT_TOKEN_BUDGET), TaskType.CLASSIFICATION, examples);
            assertThat(results).allMatch(ExampleResult::ok);
            assertThat(results.stream().mapToDouble(ExampleResult::loss).average().orElseThrow()).isCloseTo(meanLoss, within(5e-4));
            assertThat(results.stream().mapToDouble(r -> r.correct() ? 1 : 0).average().orElseThrow()).isCloseTo(accuracy, within(5e-4));
        }
    }
}
