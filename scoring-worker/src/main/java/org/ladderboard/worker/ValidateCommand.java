package org.ladderboard.worker;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.Finding;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationSettings;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code validate}: the upload page's report on the command line, as text or as the API's JSON. */
final class ValidateCommand {

    private ValidateCommand() {
    }

    static int run(CommandLine args) throws Exception {
        Path data = Path.of(args.required("data"));
        TaskType taskType = TaskType.fromId(args.required("task-type"))
                .orElseThrow(() -> new IllegalArgumentException("unknown task type '" + args.required("task-type") + "'"));
        ValidationSettings settings = ValidationSettings.defaults().withMinRows(args.integer("min-rows", 300));
        ValidationReport report = new DatasetValidator(settings)
                .validate(data.getFileName().toString(), Files.readAllBytes(data), taskType).report();
        if (args.flag("json")) {
            System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report));
        } else {
            print(report);
        }
        return report.valid() ? 0 : 1;
    }

    private static void print(ValidationReport report) {
        System.out.printf("%s: %d rows in %d part(s), %d error(s), %d warning(s)%n",
                report.valid() ? "VALID" : "INVALID", report.rows(), report.parts().size(), report.errorCount(),
                report.warnings().size());
        for (Finding f : report.errors()) {
            System.out.printf("error   %s: %s [%s]%n          fix: %s%n", f.location(), f.message(), f.code(), f.hint());
        }
        for (Finding f : report.warnings()) {
            String more = f.count() > 1 ? " (" + f.count() + " rows: " + f.rows() + ")" : "";
            System.out.printf("warning %s: %s%s [%s]%n          fix: %s%n", f.location(), f.message(), more, f.code(), f.hint());
        }
    }
}
