package org.ladderboard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;

class DatasetValidatorTest {

    private static final ValidationSettings ANY_SIZE = ValidationSettings.defaults().withMinRows(1);

    private static ValidationResult validate(String fileName, String text, TaskType type) {
        return validate(fileName, text.getBytes(StandardCharsets.UTF_8), type, ANY_SIZE);
    }

    private static ValidationResult validate(String fileName, byte[] bytes, TaskType type, ValidationSettings settings) {
        return new DatasetValidator(settings).validate(fileName, bytes, type);
    }

    private static Finding only(List<Finding> findings, String code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(matching).as("findings with code " + code + " in " + findings).hasSize(1);
        return matching.get(0);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DatasetValidatorTest.class.getResourceAsStream("/datasets/" + name)) {
            return in.readAllBytes();
        }
    }

    /** {@code n} distinct, clean classification rows after the header. */
    private static String rows(int n) {
        StringBuilder csv = new StringBuilder("prompt,classes,answer_index\n");
        for (int i = 0; i < n; i++) {
            csv.append("\"Question ").append(i).append("?\",\"[' yes', ' no']\",").append(i % 2).append('\n');
        }
        return csv.toString();
    }

    @Nested
    class ThePrizesOwnFiles {

        @Test
        void syntheticClassificationCsvIsValidWithItsKnownQuirks() throws IOException {
            ValidationReport report = validate("synthetic_classification.csv", resource("synthetic_classification.csv"),
                    TaskType.CLASSIFICATION, ANY_SIZE).report();
            assertThat(report.valid()).isTrue();
            assertThat(report.rows()).isEqualTo(12);
            // unnamed index column is ignored; multi-line prompt of row 3 moves later rows' lines
            assertThat(report.parts().get(0).columns()).containsExactly("", "prompt", "classes", "answer_index");
            assertThat(only(report.warnings(), "prompt_trailing_whitespace").row()).isEqualTo(5);
            assertThat(only(report.warnings(), "prompt_trailing_whitespace").line()).isEqualTo(7);
            assertThat(only(report.warnings(), "class_no_leading_space").rows()).containsExactly(5, 6);
            assertThat(only(report.warnings(), "classes_identical").rows()).containsExactly(11);
            assertThat(only(report.warnings(), "prompt_empty").rows()).containsExactly(12);
            Example third = report.preview().get(2);
            assertThat(third.prompt()).isEqualTo("Q: What is 2 + 2?\nA:");
            assertThat(third.classes()).containsExactly(" 4", " 5", " 22", " four");
            assertThat(third.extra()).isEmpty();
        }

        @Test
        void jsonlWithStringAndRealArrayClassesReadsTheSame() throws IOException {
            ValidationResult csv = validate("c.csv", resource("synthetic_classification.csv"), TaskType.CLASSIFICATION, ANY_SIZE);
            ValidationResult jsonl = validate("c.jsonl", resource("synthetic_classification.jsonl"), TaskType.CLASSIFICATION, ANY_SIZE);
            assertThat(jsonl.valid()).isTrue();
            List<Example> fromCsv = csv.parts().get(0).examples();
            List<Example> fromJsonl = jsonl.parts().get(0).examples();
            assertThat(fromJsonl).hasSameSizeAs(fromCsv);
            for (int i = 0; i < fromCsv.size(); i++) {
                assertThat(fromJsonl.get(i).prompt()).isEqualTo(fromCsv.get(i).prompt());
                assertThat(fromJsonl.get(i).classes()).isEqualTo(fromCsv.get(i).classes());
                assertThat(fromJsonl.get(i).answerIndex()).isEqualTo(fromCsv.get(i).answerIndex());
            }
        }

        @Test
        void sequenceProbJsonl() throws IOException {
            ValidationResult result = validate("s.jsonl", resource("synthetic_sequence_prob.jsonl"), TaskType.SEQUENCE_PROB, ANY_SIZE);
            assertThat(result.valid()).isTrue();
            Example first = result.parts().get(0).examples().get(0);
            assertThat(first.prompt()).isEqualTo("Once upon a time");
            assertThat(first.completion()).isEqualTo(" there was a girl.");
            assertThat(first.classes()).isNull();
        }
    }

    @Nested
    class Encoding {

        @Test
        void byteOrderMarkIsTolerated() {
            ValidationResult result = validate("bom.csv", "\uFEFF" + rows(3), TaskType.CLASSIFICATION);
            assertThat(result.valid()).isTrue();
            assertThat(result.report().parts().get(0).columns()).first().isEqualTo("prompt");
        }

        @Test
        void latin1IsRejectedAtTheBadByte() {
            byte[] latin1 = "prompt,classes,answer_index\nCaf\u00e9?,\"[' a', ' b']\",0\n".getBytes(StandardCharsets.ISO_8859_1);
            Finding error = only(validate("l.csv", latin1, TaskType.CLASSIFICATION, ANY_SIZE).report().errors(), "not_utf8");
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.position()).isEqualTo(4);
            assertThat(error.message()).contains("0xE9");
        }

        @Test
        void utf16AndNulBytesAreRejected() {
            byte[] utf16 = rows(2).getBytes(StandardCharsets.UTF_16);
            only(validate("u.csv", utf16, TaskType.CLASSIFICATION, ANY_SIZE).report().errors(), "not_utf8");
            Finding nul = only(validate("n.csv", "prompt,classes,answer_index\nab\0c,x,0\n", TaskType.CLASSIFICATION)
                    .report().errors(), "nul_byte");
            assertThat(nul.line()).isEqualTo(2);
            assertThat(nul.position()).isEqualTo(3);
        }
    }

    @Nested
    class CsvStructure {

        @Test
        void missingColumnIsNamedOnceWithWhatWasFound() {
            ValidationReport report = validate("m.csv", "prompt,options,answer_index\nq,\"[' a', ' b']\",0\n",
                    TaskType.CLASSIFICATION).report();
            Finding error = only(report.errors(), "missing_column");
            assertThat(error.column()).isEqualTo("classes");
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.message()).contains("'options'");
            assertThat(report.valid()).isFalse();
        }

        @Test
        void raggedRowGivesItsRowAndLine() {
            String csv = "prompt,classes,answer_index\n\"multi\nline\",\"[' a', ' b']\",0\nq, a,b,0\n";
            Finding error = only(validate("r.csv", csv, TaskType.CLASSIFICATION).report().errors(), "csv_field_count");
            assertThat(error.row()).isEqualTo(2);
            assertThat(error.line()).isEqualTo(4);
        }

        @Test
        void syntaxErrorGivesLineAndCharacter() {
            String csv = "prompt,classes,answer_index\nok,\"[' a', ' b']\",0\n\"bad \"quote\",\"[' a', ' b']\",0\n";
            Finding error = only(validate("s.csv", csv, TaskType.CLASSIFICATION).report().errors(), "csv_syntax");
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.position()).isEqualTo(7);
            assertThat(error.location()).contains("line 3").contains("character 7");
        }

        @Test
        void duplicateColumnIsAnError() {
            only(validate("d.csv", "prompt,prompt,classes,answer_index\n", TaskType.CLASSIFICATION).report().errors(),
                    "csv_duplicate_column");
        }

        @Test
        void emptyFileAndHeaderOnly() {
            only(validate("e.csv", "", TaskType.CLASSIFICATION).report().errors(), "empty_file");
            ValidationReport headerOnly = validate("h.csv", "prompt,classes,answer_index\n", TaskType.CLASSIFICATION).report();
            only(headerOnly.errors(), "too_few_rows");
        }

        @Test
        void extraColumnsAreKeptAndIndexColumnsDropped() {
            String csv = "Unnamed: 0,prompt,classes,answer_index,round,part\n0,q,\"[' a', ' b']\",1,1,2\n";
            Example e = validate("x.csv", csv, TaskType.CLASSIFICATION).parts().get(0).examples().get(0);
            assertThat(e.extra()).isEqualTo(Map.of("round", "1", "part", "2"));
            assertThat(e.answerIndex()).isEqualTo(1);
        }
    }

    @Nested
    class ClassesAndAnswers {

        private Finding error(String classes, String answer, String code) {
            String csv = "prompt,classes,answer_index\nq,\"" + classes.replace("\"", "\"\"") + "\"," + answer + "\n";
            Finding f = only(validate("c.csv", csv, TaskType.CLASSIFICATION).report().errors(), code);
            assertThat(f.row()).isEqualTo(1);
            assertThat(f.line()).isEqualTo(2);
            return f;
        }

        @Test
        void classesErrors() {
            assertThat(error("Yes or No", "0", "classes_invalid").message()).contains("expected a list");
            assertThat(error("[' only']", "0", "classes_too_few").message()).contains("1 class");
            assertThat(error("[' a', '']", "0", "class_empty").message()).contains("class 1");
            assertThat(error("[' a', 2]", "0", "class_not_string").message()).contains("class 1").contains("2");
        }

        @Test
        void answerIndexErrors() {
            assertThat(error("[' a', ' b']", "2", "answer_index_out_of_range").message()).contains("0 to 1");
            assertThat(error("[' a', ' b']", "-1", "answer_index_out_of_range").message()).contains("-1");
            assertThat(error("[' a', ' b']", "one", "answer_index_invalid").message()).contains("'one'");
            assertThat(error("[' a', ' b']", "0.5", "answer_index_invalid").message()).contains("0.5");
        }

        @Test
        void pandasFloatIndexIsAccepted() {
            String csv = "prompt,classes,answer_index\nq,\"[' a', ' b']\",1.0\n";
            assertThat(validate("f.csv", csv, TaskType.CLASSIFICATION).parts().get(0).examples().get(0).answerIndex())
                    .isEqualTo(1);
        }

        @Test
        void classCountMayVaryByRow() {
            String csv = "prompt,classes,answer_index\na,\"[' x', ' y']\",1\nb,\"[' x', ' y', ' z', ' w']\",3\n";
            ValidationResult result = validate("v.csv", csv, TaskType.CLASSIFICATION);
            assertThat(result.valid()).isTrue();
            assertThat(result.parts().get(0).examples()).extracting(e -> e.classes().size()).containsExactly(2, 4);
        }

        @Test
        void curlyQuotesAreRepairedWithAWarning() {
            String csv = "prompt,classes,answer_index\nq,\"[‘ Yes’, ‘ No’]\",0\n";
            ValidationResult result = validate("q.csv", csv, TaskType.CLASSIFICATION);
            assertThat(result.valid()).isTrue();
            assertThat(result.parts().get(0).examples().get(0).classes()).containsExactly(" Yes", " No");
            assertThat(only(result.report().warnings(), "curly_quotes_repaired").rows()).containsExactly(1);
        }

        @Test
        void jsonlWrongTypesAreNamed() {
            String jsonl = "{\"prompt\": 5, \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n"
                    + "{\"prompt\": \"q\", \"classes\": [\" a\", \" b\"], \"answer_index\": true}\n";
            ValidationReport report = validate("t.jsonl", jsonl, TaskType.CLASSIFICATION).report();
            assertThat(only(report.errors(), "wrong_type").row()).isEqualTo(1);
            assertThat(only(report.errors(), "answer_index_invalid").row()).isEqualTo(2);

            String huge = "{\"prompt\": \"q\", \"classes\": [\" a\", \" b\"], \"answer_index\": 1e400}\n";
            assertThat(only(validate("h.jsonl", huge, TaskType.CLASSIFICATION).report().errors(), "answer_index_invalid").message())
                    .contains("Infinity");
        }
    }

    @Nested
    class TaskTypes {

        @Test
        void logoddsNeedsExactlyTwoClassesAndAcceptsTheBiasedPromptAlias() {
            String csv = "prompt,biased_prompt,classes,answer_index\n"
                    + "p,o,\"[' a', ' b']\",0\n"
                    + "p2,o2,\"[' a', ' b', ' c']\",0\n";
            ValidationReport report = validate("l.csv", csv, TaskType.LOGODDS).report();
            assertThat(only(report.errors(), "logodds_class_count").row()).isEqualTo(2);
            only(report.warnings(), "biased_prompt_alias");
            String good = "prompt,biased_prompt,classes,answer_index\np,o,\"[' a', ' b']\",1\n";
            Example e = validate("l.csv", good, TaskType.ABSOLUTE_LOGODDS).parts().get(0).examples().get(0);
            assertThat(e.otherPrompt()).isEqualTo("o");
            assertThat(e.extra()).isEmpty();
        }

        @Test
        void logoddsWithoutOtherPromptIsMissingAColumn() {
            String csv = "prompt,classes,answer_index\np,\"[' a', ' b']\",0\n";
            assertThat(only(validate("l.csv", csv, TaskType.LOGODDS).report().errors(), "missing_column").column())
                    .isEqualTo("other_prompt");
        }

        @Test
        void sequenceProbRules() {
            String csv = "prompt,completion\nOnce,\" upon\"\nTwice,\n";
            ValidationReport report = validate("s.csv", csv, TaskType.SEQUENCE_PROB).report();
            assertThat(only(report.errors(), "completion_empty").row()).isEqualTo(2);
            ValidationReport glued = validate("s.csv", "prompt,completion\nOnce,upon\n", TaskType.SEQUENCE_PROB).report();
            only(glued.warnings(), "completion_no_leading_space");
        }
    }

    @Nested
    class AcrossRows {

        @Test
        void duplicateRowsAndPromptsNameTheFirstOccurrence() {
            String csv = "prompt,classes,answer_index\n"
                    + "a,\"[' x', ' y']\",0\n"
                    + "b,\"[' x', ' y']\",0\n"
                    + "a,\"[' x', ' y']\",0\n"
                    + "b,\"[' x', ' z']\",1\n";
            ValidationReport report = validate("d.csv", csv, TaskType.CLASSIFICATION).report();
            assertThat(only(report.warnings(), "duplicate_row").message()).contains("row 3 repeats row 1");
            assertThat(only(report.warnings(), "duplicate_prompt").message()).contains("row 4 has the same prompt as row 2");
        }

        @Test
        void answersAlwaysAtOneIndexOrOneTextAreFlagged() {
            StringBuilder csv = new StringBuilder("prompt,classes,answer_index\n");
            for (int i = 0; i < 20; i++) {
                // always ' Yes' is right, at alternating positions: the modus-tollens trap
                csv.append("q").append(i).append(i % 2 == 0 ? ",\"[' Yes', ' No']\",0\n" : ",\"[' No', ' Yes']\",1\n");
            }
            ValidationReport report = validate("y.csv", csv.toString(), TaskType.CLASSIFICATION).report();
            assertThat(only(report.warnings(), "answer_text_imbalance").message()).contains("' Yes'").contains("100 %");
            assertThat(report.warnings()).noneMatch(w -> w.code().equals("answer_all_same_index"));

            ValidationReport sameIndex = validate("z.csv", rows(20).replaceAll(",1\n", ",0\n"), TaskType.CLASSIFICATION).report();
            only(sameIndex.warnings(), "answer_all_same_index");
        }

        @Test
        void tooFewRowsForTheRound() {
            ValidationReport report = validate("few.csv", rows(12).getBytes(StandardCharsets.UTF_8), TaskType.CLASSIFICATION,
                    ValidationSettings.defaults()).report();
            assertThat(only(report.errors(), "too_few_rows").message()).contains("12").contains("300");
            assertThat(validate("ok.csv", rows(300).getBytes(StandardCharsets.UTF_8), TaskType.CLASSIFICATION,
                    ValidationSettings.defaults()).valid()).isTrue();
        }

        @Test
        void warningsAreGroupedWhileErrorsAreListedUpToACap() {
            StringBuilder csv = new StringBuilder("prompt,classes,answer_index\n");
            for (int i = 0; i < 500; i++) {
                csv.append("q").append(i).append(",\"['a', 'b']\",").append(i % 2 == 0 ? "0" : "x").append('\n');
            }
            ValidationReport report = validate("many.csv", csv.toString(), TaskType.CLASSIFICATION).report();
            Finding glued = only(report.warnings(), "class_no_leading_space");
            assertThat(glued.count()).isEqualTo(250);
            assertThat(glued.rows()).hasSize(Findings.MAX_LISTED_ROWS).startsWith(1, 3, 5);
            assertThat(report.errorCount()).isEqualTo(250);
            assertThat(report.errors()).hasSize(Findings.MAX_LISTED_ERRORS);
        }
    }

    @Nested
    class Limits {

        @Test
        void fileSizeRowCountAndFieldLength() {
            ValidationSettings tight = new ValidationSettings(200, 64, 10_000, 3, 50, 1);
            byte[] big = rows(10).getBytes(StandardCharsets.UTF_8);
            only(validate("big.csv", big, TaskType.CLASSIFICATION, tight).report().errors(), "file_too_large");

            ValidationSettings fewRows = new ValidationSettings(1_000_000, 64, 10_000, 3, 50, 1);
            Finding tooMany = only(validate("r.csv", big, TaskType.CLASSIFICATION, fewRows).report().errors(), "too_many_rows");
            assertThat(tooMany.row()).isEqualTo(4);

            String longField = "prompt,classes,answer_index\n" + "x".repeat(51) + ",\"[' a', ' b']\",0\n";
            Finding tooLong = only(validate("f.csv", longField.getBytes(StandardCharsets.UTF_8), TaskType.CLASSIFICATION,
                    fewRows).report().errors(), "field_too_long");
            assertThat(tooLong.column()).isEqualTo("prompt");
        }
    }

    /** Escapes can write what clean UTF-8 never holds; what validation accepts must be storable exactly as written. */
    @Nested
    class TextTheContestCannotKeep {

        @Test
        void aNulWrittenAsAnEscapeIsRejectedWithItsPlace() {
            String jsonl = "{\"prompt\": \"fine\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n"
                    + "{\"prompt\": \"ab\\u0000cd\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n";
            Finding error = only(validate("t.jsonl", jsonl, TaskType.CLASSIFICATION).report().errors(), "nul_character");
            assertThat(error.part()).isEqualTo("t");
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isEqualTo("prompt");
            assertThat(error.message()).contains("NUL").contains("U+0000").contains("character 3");

            for (String classes : List.of("\"[' a\\x00', ' b']\"", "\"[' a', ' b\\0']\"")) {
                ValidationReport csv = validate("t.csv", "prompt,classes,answer_index\nq," + classes + ",0\n", TaskType.CLASSIFICATION).report();
                assertThat(csv.valid()).as(classes).isFalse();
                Finding e = only(csv.errors(), "nul_character");
                assertThat(e.column()).isEqualTo("classes");
                assertThat(e.line()).isEqualTo(2);
            }
            String inKeyAndNested = "{\"prompt\": \"q\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0, \"meta\": {\"x\": [\"\\u0000\"]}}\n"
                    + "{\"prompt\": \"q2\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0, \"n\\u0000\": 1}\n";
            assertThat(validate("t.jsonl", inKeyAndNested, TaskType.CLASSIFICATION).report().errors())
                    .filteredOn(f -> !f.code().equals("too_few_rows")).extracting(Finding::code, Finding::line).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("nul_character", 1), org.assertj.core.groups.Tuple.tuple("nul_character", 2));
        }

        @Test
        void halfASurrogatePairIsRejectedAndAWholeOneKeptExactly() {
            String lone = "{\"prompt\": \"smile \\ud83d\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n";
            Finding error = only(validate("t.jsonl", lone, TaskType.CLASSIFICATION).report().errors(), "unpaired_surrogate");
            assertThat(error.column()).isEqualTo("prompt");
            assertThat(error.message()).contains("U+D83D").contains("character 7");
            ValidationReport python = validate("t.csv", "prompt,classes,answer_index\nq,\"[' \\udc00', ' b']\",0\n",
                    TaskType.CLASSIFICATION).report();
            assertThat(only(python.errors(), "unpaired_surrogate").column()).isEqualTo("classes");

            String pair = "{\"prompt\": \"smile \\ud83d\\ude00\", \"classes\": \"[' \\\\U0001F600', ' b']\", \"answer_index\": 0}\n";
            ValidationResult kept = validate("t.jsonl", pair, TaskType.CLASSIFICATION);
            assertThat(kept.valid()).isTrue();
            assertThat(kept.parts().get(0).examples().get(0).prompt()).isEqualTo("smile \uD83D\uDE00");
            assertThat(kept.parts().get(0).examples().get(0).classes()).containsExactly(" \uD83D\uDE00", " b");
        }
    }

    @Nested
    class RowCounts {

        @Test
        void rowsWithErrorsAreCountedAmongTheRows() {
            StringBuilder csv = new StringBuilder(rows(320));
            String text = csv.toString().replace("\"Question 7?\",\"[' yes', ' no']\",1", "\"Question 7?\",\"[' yes', ' no']\",9")
                    .replace("\"Question 100?\",\"[' yes', ' no']\",0", "\"Question 100?\",\"[' yes']\",0");
            ValidationReport report = validate("t.csv", text, TaskType.CLASSIFICATION).report();
            assertThat(report.valid()).isFalse();
            assertThat(report.rows()).isEqualTo(320);
            assertThat(report.rowsWithErrors()).isEqualTo(2);
            assertThat(report.examples()).isEqualTo(318);
        }
    }

    /** JSON nested past the parser's limit is a syntax error in words, not the parser's own message. */
    @Test
    void jsonNestedTooDeepIsExplainedInWords() {
        String deep = "{\"prompt\": " + "[".repeat(1500) + "]".repeat(1500) + ", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n";
        Finding error = only(validate("t.jsonl", deep, TaskType.CLASSIFICATION).report().errors(), "jsonl_syntax");
        assertThat(error.message()).contains("nested").contains("levels deep")
                .doesNotContain("StreamReadConstraints").doesNotContain("getMaxNestingDepth");
        assertThat(error.line()).isEqualTo(1);
    }

    @Nested
    class ZipParts {

        private byte[] zip(Map<String, byte[]> entries) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        }

        @Test
        void everyDataFileIsAPartAndErrorsNameTheirPart() throws IOException {
            byte[] upload = zip(new java.util.TreeMap<>(Map.of(
                    "task/part-a.csv", rows(3).getBytes(StandardCharsets.UTF_8),
                    "task/part-b.jsonl", "{\"prompt\": \"z\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n"
                            .getBytes(StandardCharsets.UTF_8),
                    "__MACOSX/._part-a.csv", new byte[] {0, 1},
                    "README.txt", "notes".getBytes(StandardCharsets.UTF_8))));
            ValidationResult result = validate("task.zip", upload, TaskType.CLASSIFICATION, ANY_SIZE);
            assertThat(result.valid()).isTrue();
            assertThat(result.report().parts()).extracting(PartSummary::name).containsExactly("part-a", "part-b");
            assertThat(result.report().rows()).isEqualTo(4);
            only(result.report().warnings(), "zip_entry_ignored");

            byte[] broken = zip(Map.of("good.csv", rows(2).getBytes(StandardCharsets.UTF_8),
                    "bad.jsonl", "{\"prompt\": \"q\",\n".getBytes(StandardCharsets.UTF_8)));
            Finding error = only(validate("t.zip", broken, TaskType.CLASSIFICATION, ANY_SIZE).report().errors(), "jsonl_syntax");
            assertThat(error.part()).isEqualTo("bad");
            assertThat(error.line()).isEqualTo(1);
        }

        /** Names past the stored columns were a 500 at submit; now they are a finding like any other. */
        @Test
        void aFileOrPartNameTooLongToStoreIsAnError() throws IOException {
            String longName = "a".repeat(300);
            only(validate(longName + ".csv", rows(3).getBytes(StandardCharsets.UTF_8), TaskType.CLASSIFICATION, ANY_SIZE)
                    .report().errors(), "name_too_long");
            byte[] upload = zip(Map.of("p".repeat(300) + ".csv", rows(3).getBytes(StandardCharsets.UTF_8)));
            Finding error = only(validate("t.zip", upload, TaskType.CLASSIFICATION, ANY_SIZE).report().errors(), "name_too_long");
            assertThat(error.message()).contains("300 characters");
            assertThat(validate("a".repeat(251) + ".csv", rows(3).getBytes(StandardCharsets.UTF_8), TaskType.CLASSIFICATION,
                    ANY_SIZE).report().errors()).isEmpty();
        }

        @Test
        void zipBombStopsAtTheUnpackedLimit() throws IOException {
            byte[] zeros = new byte[5_000_000];
            byte[] bomb = zip(Map.of("a.csv", zeros, "b.csv", zeros, "c.csv", zeros));
            assertThat(bomb.length).isLessThan(100_000);
            ValidationSettings limits = new ValidationSettings(1_000_000, 64, 8_000_000, 1000, 1000, 1);
            only(validate("bomb.zip", bomb, TaskType.CLASSIFICATION, limits).report().errors(), "zip_too_large");
        }

        @Test
        void unsafeNamesNestedArchivesAndTooManyEntries() throws IOException {
            byte[] csv = rows(2).getBytes(StandardCharsets.UTF_8);
            ValidationReport report = validate("t.zip", zip(Map.of("../../etc/evil.csv", csv, "inner.zip", csv, "ok.csv", csv)),
                    TaskType.CLASSIFICATION, ANY_SIZE).report();
            assertThat(only(report.errors(), "zip_unsafe_name").message()).contains("../../etc/evil.csv");
            only(report.errors(), "zip_nested");

            ValidationSettings twoEntries = new ValidationSettings(1_000_000, 2, 1_000_000, 1000, 1000, 1);
            byte[] three = zip(Map.of("a.csv", csv, "b.csv", csv, "c.csv", csv));
            only(validate("t.zip", three, TaskType.CLASSIFICATION, twoEntries).report().errors(), "zip_too_many_entries");
        }

        /** A damaged archive is explained in words, never with the zip library's own text (or "null"). */
        @Test
        void aDamagedArchiveIsExplainedInWords() throws IOException {
            byte[] good = zip(Map.of("a.csv", rows(200).getBytes(StandardCharsets.UTF_8)));
            byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
            byte[] corrupt = good.clone();
            for (int i = 40; i < 80; i++) {
                corrupt[i] ^= 0x5a;
            }
            for (byte[] damaged : List.of(cut, corrupt)) {
                List<Finding> errors = validate("t.zip", damaged, TaskType.CLASSIFICATION, ANY_SIZE).report().errors();
                assertThat(errors).isNotEmpty();
                for (Finding error : errors) {
                    assertThat(error.message()).doesNotContain("null").doesNotContainIgnoringCase("exception")
                            .doesNotContain("invalid stored block").doesNotContain("Unexpected end of ZLIB");
                }
            }
        }

        @Test
        void notAZipAtAllAndWrongExtensions() {
            only(validate("t.zip", "not a zip", TaskType.CLASSIFICATION).report().errors(), "zip_no_parts");
            only(validate("data.exe", "x", TaskType.CLASSIFICATION).report().errors(), "unsupported_file_type");
        }

        @Test
        void partsKeepTheArchivesOrder() throws IOException {
            Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
            entries.put("level-2.csv", rows(2).getBytes(StandardCharsets.UTF_8));
            entries.put("level-10.csv", rows(3).getBytes(StandardCharsets.UTF_8));
            entries.put("a-last.jsonl", "{\"prompt\": \"z\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n"
                    .getBytes(StandardCharsets.UTF_8));
            ValidationResult result = validate("levels.zip", zip(entries), TaskType.CLASSIFICATION, ANY_SIZE);
            assertThat(result.report().parts()).extracting(PartSummary::name).containsExactly("level-2", "level-10", "a-last");
            assertThat(result.parts()).extracting(p -> p.summary().name()).containsExactly("level-2", "level-10", "a-last");
        }

        @Test
        void aSpreadsheetIsNamedAsOneWithHowToExportCsv() throws IOException {
            Map<String, byte[]> xlsx = new java.util.LinkedHashMap<>();
            xlsx.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
            xlsx.put("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
            xlsx.put("xl/worksheets/sheet1.xml", "<worksheet/>".getBytes(StandardCharsets.UTF_8));
            for (String name : List.of("task.xlsx", "task.zip")) {
                Finding error = only(validate(name, zip(xlsx), TaskType.CLASSIFICATION, ANY_SIZE).report().errors(), "spreadsheet");
                assertThat(error.message()).contains("is a spreadsheet");
                assertThat(error.hint()).contains("Excel").contains("Google Sheets").contains("LibreOffice").contains("CSV UTF-8");
            }
            Map<String, byte[]> ods = Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.UTF_8));
            only(validate("task.ods", zip(ods), TaskType.CLASSIFICATION, ANY_SIZE).report().errors(), "spreadsheet");
            byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
            only(validate("task.csv", xls, TaskType.CLASSIFICATION, ANY_SIZE).report().errors(), "spreadsheet");
            only(validate("data.xlsx", "x", TaskType.CLASSIFICATION).report().errors(), "spreadsheet");
        }
    }
}
