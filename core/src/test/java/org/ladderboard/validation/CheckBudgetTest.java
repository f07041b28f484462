package org.ladderboard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;

/** The quick check's work bound: the extra (tokenizer) rules read no more text than the budget, and say so. */
class CheckBudgetTest {

    /** Stands in for a tokenizer rule: counts the text it would encode (each prompt once per class). */
    private static final class CountingCheck implements ExampleCheck {
        final AtomicLong chars = new AtomicLong();
        final AtomicLong rows = new AtomicLong();

        @Override
        public void check(TaskType taskType, List<Example> examples, Findings findings) {
            for (Example e : examples) {
                rows.incrementAndGet();
                chars.addAndGet(DatasetValidator.checkWork(taskType, e));
            }
        }
    }

    /** Rows with a 2,000-character prompt and 20 classes: cheap to send (it compresses to nothing), dear to tokenize. */
    private static byte[] costlyRows(int n) {
        String classes = "\"[" + String.join(", ", java.util.Collections.nCopies(20, "' x'")) + "]\"";
        StringBuilder csv = new StringBuilder("prompt,classes,answer_index\n");
        for (int i = 0; i < n; i++) {
            csv.append('"').append(i).append(" ").append("word ".repeat(400)).append("\",").append(classes).append(",0\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theExtraChecksStopAtTheBudgetAndTheReportSaysWhere() {
        CountingCheck check = new CountingCheck();
        long budget = 1_000_000;
        ValidationReport report = new DatasetValidator(ValidationSettings.defaults().withMinRows(1), List.of(check))
                .withCheckBudget(budget).validate("costly.csv", costlyRows(500), TaskType.CLASSIFICATION).report();

        assertThat(check.chars.get()).isLessThanOrEqualTo(budget).isPositive();
        assertThat(check.rows.get()).isLessThan(500);
        assertThat(report.valid()).as("a partly checked file is still valid: its own rules read every row").isTrue();
        assertThat(report.rows()).isEqualTo(500);
        assertThat(report.warnings()).filteredOn(f -> f.code().equals("extra_checks_partial")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("first " + check.rows.get() + " of 500 rows"));
    }

    @Test
    void withoutABudgetEveryRowIsChecked() {
        CountingCheck check = new CountingCheck();
        ValidationReport report = new DatasetValidator(ValidationSettings.defaults().withMinRows(1), List.of(check))
                .validate("costly.csv", costlyRows(500), TaskType.CLASSIFICATION).report();
        assertThat(check.rows.get()).isEqualTo(500);
        assertThat(report.warnings()).noneMatch(f -> f.code().equals("extra_checks_partial"));
    }
}
