package org.ladderboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.tokenizer.TokenizerCheck;
import org.ladderboard.engine.tokenizer.ModelTokenizer;
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

    @Test
    void contextLengthAndMultiTokenLogoddsClasses() throws IOException {
        String csv = "prompt,other_prompt,classes,answer_index\n\"" + "word ".repeat(40).strip()
                + "\",Other,\"[' absolutely', ' no']\",0\n";
        ValidationReport report = validate(csv, TaskType.LOGODDS, "stories260K-hf", 16);
        assertThat(warning(report, "context_too_long").message()).contains("the context holds 16");
        assertThat(warning(report, "logodds_multi_token").message()).contains("only the first counts");
    }
}
