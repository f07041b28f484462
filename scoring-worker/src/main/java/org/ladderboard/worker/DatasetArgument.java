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
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** A {@code --data FILE} read by the upload validator, with the task type given or recognised from the columns. */
record DatasetArgument(Path path, TaskType taskType, ValidationResult parsed) {

    /** {@code --data FILE [--task-type T]}, shared by the commands that score a dataset. */
    static final class Options {

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "a .csv, .jsonl or .zip of parts")
        Path data;

        @Option(names = "--task-type", paramLabel = "TYPE",
                description = "the task type; recognised from the columns when left out")
        String taskType;

        DatasetArgument read() throws IOException {
            return DatasetArgument.read(data, taskType);
        }
    }

    /** The task type named {@code id}, or an error naming the types there are. */
    static TaskType taskType(String id) {
        return TaskType.fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown task type '" + id + "' (one of "
                + String.join(", ", java.util.Arrays.stream(TaskType.values()).map(TaskType::id).toList()) + ")"));
    }

    static DatasetArgument read(Path path, String taskType) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        TaskType type = taskType != null ? taskType(taskType) : recognise(path, bytes);
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
