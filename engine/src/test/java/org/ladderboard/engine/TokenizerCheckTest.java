package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.tokenizer.TokenizerCheck;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.Finding;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationSettings;

class TokenizerCheckTest {

    private static ValidationReport validate(String csv, TaskType type, String model, int context) throws IOException {
        try (ModelTokenizer tokenizer = Fixtures.tokenizer(model)) {
            return new DatasetValidator(ValidationSettings.defaults().withMinRows(1), List.of(new TokenizerCheck(model, tokenizer, context)))
                    .validate("t.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), type).report();
        }
    }

    private static Finding warning(ValidationReport report, String code) {
        return report.warnings().stream().filter(w -> w.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + report.warnings()));
    }

    @Test
    void theSyntheticSetsKnownBoundaryProblemIsReportedForGpt2() throws IOException {
        String csv = Files.readString(Fixtures.dataset("synthetic_classification.csv"));
        ValidationReport report = validate(csv, TaskType.CLASSIFICATION, "gpt2-tiny-random", 128);
        assertThat(report.valid()).isTrue();
        Finding noTokens = warning(report, "class_no_tokens");
        assertThat(noTokens.row()).isEqualTo(6);
        assertThat(noTokens.message()).contains("gpt2-tiny-random").contains("'ater'");
    }

    /** A class that fills the whole context can never be scored: the upload is refused, not accepted to fail. */
    @Test
    void aClassLongerThanTheContextIsAnErrorNotAWarning() throws IOException {
        String longClass = " yes".repeat(40);
        String csv = "prompt,classes,answer_index\nShort prompt,\"['" + longClass + "', ' no']\",0\n";
        ValidationReport report = validate(csv, TaskType.CLASSIFICATION, "stories260K-hf", 16);
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo("class_longer_than_context");
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.message()).contains("stories260K-hf").contains("leaves no room for the prompt");
        });
        // one token less than the context still leaves the prompt a token: a warning that it is cut, no error
        ValidationReport fits = validate("prompt,classes,answer_index\nShort prompt,\"[' yes', ' no']\",0\n",
                TaskType.CLASSIFICATION, "stories260K-hf", 16);
        assertThat(fits.valid()).isTrue();
    }

    @Test
    void contextLengthAndMultiTokenLogoddsClasses() throws IOException {
        String csv = "prompt,other_prompt,classes,answer_index\n\"" + "word ".repeat(40).strip()
                + "\",Other,\"[' absolutely', ' no']\",0\n";
        ValidationReport report = validate(csv, TaskType.LOGODDS, "stories260K-hf", 16);
        assertThat(warning(report, "context_too_long").message()).contains("the context holds 16");
        assertThat(warning(report, "logodds_multi_token").message()).contains("only the first counts");
    }
}
