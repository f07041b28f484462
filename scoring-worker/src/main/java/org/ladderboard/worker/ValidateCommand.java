package org.ladderboard.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.ladderboard.dataset.TaskType;
import org.ladderboard.checkpoint.ModelConfig;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.tokenizer.TokenizerCheck;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ExampleCheck;
import org.ladderboard.validation.Finding;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code validate}: the upload page's report on the command line, as text or as the API's JSON. With
 * {@code --model DIR} (repeatable) the tokenizer rules an upload to a round on that model's ladder gets run too.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a dataset (.csv, .jsonl or .zip of parts) exactly as the upload page does.",
                "Exit status 0 when valid, 1 when not, 2 on a usage error."})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "the dataset")
    Path data;

    @Option(names = "--task-type", required = true, paramLabel = "TYPE", description = "the task type")
    String taskType;

    @Option(names = "--min-rows", paramLabel = "N", defaultValue = "" + ValidationSettings.DEFAULT_MIN_ROWS,
            description = "the round's minimum number of examples (default ${DEFAULT-VALUE})")
    int minRows;

    @Option(names = "--model", paramLabel = "DIR",
            description = "a checkpoint directory whose tokenizer rules to run as well, as the upload to a round on its ladder does (repeatable)")
    List<Path> models = new ArrayList<>();

    @Option(names = "--json", description = "print the report as the API's JSON")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TaskType type = DatasetArgument.taskType(taskType);
        ValidationSettings settings = ValidationSettings.defaults().withMinRows(minRows);
        List<ModelTokenizer> opened = new ArrayList<>();
        try {
            List<ExampleCheck> checks = tokenizerChecks(models, opened);
            ValidationReport report = new DatasetValidator(settings, checks)
                    .validate(data.getFileName().toString(), Files.readAllBytes(data), type)
                    .report();
            if (json) {
                spec.commandLine().getOut().println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(report));
            } else {
                print(report, spec.commandLine().getOut());
            }
            spec.commandLine().getOut().flush();
            return report.valid() ? 0 : 1;
        } finally {
            opened.forEach(ModelTokenizer::close);
        }
    }

    /**
     * The upload's tokenizer rules for each checkpoint directory, labelled by the directory's name; the tokenizers
     * are added to {@code opened} for the caller to close.
     */
    static List<ExampleCheck> tokenizerChecks(List<Path> models, List<ModelTokenizer> opened) throws IOException {
        List<ExampleCheck> checks = new ArrayList<>();
        for (Path dir : models) {
            int context = ModelConfig.read(dir).contextLength();
            ModelTokenizer tokenizer = ModelTokenizer.open(dir);
            opened.add(tokenizer);
            checks.add(new TokenizerCheck(dir.getFileName().toString(), tokenizer, context));
        }
        return checks;
    }

    private static void print(ValidationReport report, java.io.PrintWriter out) {
        out.printf("%s: %d rows in %d part(s), %d error(s), %d warning(s)%n",
                report.valid() ? "VALID" : "INVALID", report.rows(), report.parts().size(), report.errorCount(),
                report.warnings().size());
        for (Finding f : report.errors()) {
            out.printf("error   %s: %s [%s]%n          fix: %s%n", f.location(), f.message(), f.code(), f.hint());
        }
        for (Finding f : report.warnings()) {
            String more = f.count() > 1 ? " (" + f.count() + " rows: " + f.rows() + ")" : "";
            out.printf("warning %s: %s%s [%s]%n          fix: %s%n", f.location(), f.message(), more, f.code(), f.hint());
        }
    }
}
