package org.ladderboard.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ladderboard.dataset.CsvReader;
import org.ladderboard.dataset.CsvSyntaxException;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.Finding;
import org.ladderboard.validation.ValidationResult;
import org.ladderboard.validation.ValidationSettings;
import tools.jackson.databind.json.JsonMapper;

/** A {@code --data FILE} read by the upload validator, with the task type given or recognised from the columns. */
record DatasetArgument(Path path, TaskType taskType, ValidationResult parsed) {

    static DatasetArgument read(CommandLine args) throws IOException {
        Path path = Path.of(args.required("data"));
        byte[] bytes = Files.readAllBytes(path);
        TaskType type = args.options().containsKey("task-type")
                ? TaskType.fromId(args.required("task-type"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown task type '" + args.required("task-type") + "'"))
                : recognise(path, bytes);
        ValidationResult parsed = new DatasetValidator(ValidationSettings.defaults().withMinRows(1))
                .validate(path.getFileName().toString(), bytes, type);
        if (!parsed.valid()) {
            for (Finding f : parsed.report().errors()) {
                System.err.println("error   " + f.location() + ": " + f.message());
            }
            throw new IllegalArgumentException(path + " is not a valid " + type.id() + " dataset ("
                    + parsed.report().errorCount() + " errors); run 'validate' for the full report");
        }
        return new DatasetArgument(path, type, parsed);
    }

    /** sequence_prob when there is a completion column, logodds with other_prompt, classification otherwise. */
    private static TaskType recognise(Path path, byte[] bytes) throws IOException {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> columns;
        if (name.endsWith(".csv")) {
            try {
                CsvReader.Record header = new CsvReader(text, (line, column) -> { }).next();
                columns = header == null ? List.of() : header.fields();
            } catch (CsvSyntaxException e) {
                columns = List.of();
            }
        } else if (name.endsWith(".jsonl")) {
            String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("{}");
            columns = List.copyOf(JsonMapper.builder().build().readTree(first).propertyNames());
        } else {
            throw new IllegalArgumentException("give --task-type for " + path.getFileName());
        }
        if (columns.contains("completion")) {
            return TaskType.SEQUENCE_PROB;
        }
        return columns.contains("other_prompt") || columns.contains("biased_prompt") ? TaskType.LOGODDS : TaskType.CLASSIFICATION;
    }
}
