package org.ladderboard.validation;

import java.util.ArrayList;
import java.util.List;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.Sha256;
import org.ladderboard.dataset.TaskType;

/**
 * Reads an upload (.csv, .jsonl or a .zip of them) for one task type and reports every error and warning with its
 * place. The same code checks a browser upload, a worker's input and a CLI run.
 */
public final class DatasetValidator {

    static final int PREVIEW_ROWS = 5;
    /** How many examples of an already rejected file the extra (tokenizer) checks read. */
    static final int CHECKED_WHEN_REJECTED = 2_000;

    private final ValidationSettings settings;
    private final List<ExampleCheck> extraChecks;
    private final long checkBudget;
    private final List<ExampleCheck> roundChecks;

    public DatasetValidator(ValidationSettings settings) {
        this(settings, List.of());
    }

    /** {@code extraChecks} run after the file's own rules, e.g. the tokenizer rules of a round's ladders. */
    public DatasetValidator(ValidationSettings settings, List<ExampleCheck> extraChecks) {
        this(settings, extraChecks, Long.MAX_VALUE, List.of());
    }

    private DatasetValidator(ValidationSettings settings, List<ExampleCheck> extraChecks, long checkBudget,
                             List<ExampleCheck> roundChecks) {
        this.settings = settings;
        this.extraChecks = List.copyOf(extraChecks);
        this.checkBudget = checkBudget;
        this.roundChecks = List.copyOf(roundChecks);
    }

    /**
     * The same validator with a rule of the round's that counts rather than tokenizes (its few-shot sweep's part
     * sizes, say): it reads every row, whatever the check budget, as the file's own rules do.
     */
    public DatasetValidator withRoundCheck(ExampleCheck check) {
        List<ExampleCheck> more = new java.util.ArrayList<>(roundChecks);
        more.add(check);
        return new DatasetValidator(settings, extraChecks, checkBudget, more);
    }

    /**
     * The same validator whose extra checks read rows only while their text ({@link #checkWork}) adds up to at most
     * {@code chars}: tokenizing is nearly all of a check's CPU, and a few kilobytes of zip can unpack to rows that
     * take minutes to tokenize. The file's own rules still read every row.
     */
    public DatasetValidator withCheckBudget(long chars) {
        return new DatasetValidator(settings, extraChecks, chars, roundChecks);
    }

    /** What one call into a tokenizer costs beyond its text, in characters' worth (measured on the micro ladder). */
    static final int ENCODE_OVERHEAD = 64;

    /**
     * The text the tokenizer rules encode for one example (each prompt once alone and once with each class), plus
     * each call's overhead: the unit of {@link #withCheckBudget}.
     */
    public static long checkWork(TaskType taskType, Example e) {
        List<String> continuations = taskType == TaskType.SEQUENCE_PROB
                ? (e.completion() == null ? List.of() : List.of(e.completion()))
                : (e.classes() == null ? List.of() : e.classes());
        long prompts = length(e.prompt()) + (taskType.isLogodds() ? length(e.otherPrompt()) : 0);
        int promptCount = taskType.isLogodds() ? 2 : 1;
        long work = prompts * (1 + continuations.size()) + (long) ENCODE_OVERHEAD * promptCount * (1 + continuations.size());
        for (String continuation : continuations) {
            work += length(continuation) * promptCount;
        }
        return work;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    /** The longest file or part name the contest stores (the submission's and part's name columns). */
    public static final int MAX_NAME_CHARS = 255;
    /** The longest path of a part inside a .zip that is stored. */
    public static final int MAX_PATH_CHARS = 1000;

    public ValidationResult validate(String fileName, byte[] bytes, TaskType taskType) {
        Findings findings = new Findings();
        List<ParsedPart> parts = new ArrayList<>();
        if (fileName != null && fileName.length() > MAX_NAME_CHARS) {
            findings.error(Check.NAME_TOO_LONG, fileName.substring(0, 40) + "…", null, null, null, null,
                    "the file's name is " + fileName.length() + " characters; at most " + MAX_NAME_CHARS + " are kept");
            return result(taskType, findings, parts);
        }
        if (bytes.length > settings.maxFileBytes()) {
            findings.error(Check.FILE_TOO_LARGE, fileName, null, null, null, null, "the file is "
                    + megabytes(bytes.length) + "; at most " + megabytes(settings.maxFileBytes()) + " is allowed");
            return result(taskType, findings, parts);
        }
        if (Spreadsheet.looksLikeOne(fileName, bytes)) {
            Spreadsheet.report(fileName, findings);
            return result(taskType, findings, parts);
        }
        List<DataFile> files = ZipUnpacker.looksLikeZip(fileName, bytes)
                ? ZipUnpacker.unpack(fileName, bytes, settings, findings)
                : List.of(new DataFile(fileName, bytes));
        int[] rowsLeft = {settings.maxRows()};
        for (DataFile file : files) {
            ParsedPart part = readPart(file, taskType, findings, rowsLeft);
            if (part != null) {
                parts.add(part);
            }
            if (rowsLeft[0] < 0) {
                break;
            }
        }
        if (!parts.isEmpty()) {
            List<Example> examples = parts.stream().flatMap(p -> p.examples().stream()).toList();
            DatasetRules.apply(taskType, examples, settings.minRows(), findings);
            roundChecks.forEach(check -> check.check(taskType, examples, findings));
            // they read only rows that parsed, so a contestant learns more from one upload; on a file that is
            // rejected anyway (say, past the row limit) a sample is enough and bounds the work
            List<Example> checked = findings.hasErrors() && examples.size() > CHECKED_WHEN_REJECTED
                    ? examples.subList(0, CHECKED_WHEN_REJECTED) : examples;
            List<Example> withinBudget = withinBudget(taskType, checked, findings);
            extraChecks.forEach(check -> check.check(taskType, withinBudget, findings));
        }
        return result(taskType, findings, parts);
    }

    private List<Example> withinBudget(TaskType taskType, List<Example> examples, Findings findings) {
        if (extraChecks.isEmpty() || checkBudget == Long.MAX_VALUE) {
            return examples;
        }
        long perCheck = checkBudget / extraChecks.size();
        long work = 0;
        int rows = 0;
        while (rows < examples.size() && work + checkWork(taskType, examples.get(rows)) <= perCheck) {
            work += checkWork(taskType, examples.get(rows));
            rows++;
        }
        if (rows < examples.size()) {
            findings.warn(Check.EXTRA_CHECKS_PARTIAL, null, null, null, null, "the tokenizer rules read the first "
                    + rows + " of " + examples.size() + " rows: the rest is more text than one quick check tokenizes");
        }
        return examples.subList(0, rows);
    }

    private ParsedPart readPart(DataFile file, TaskType taskType, Findings findings, int[] rowsLeft) {
        String part = file.partName();
        if (part.length() > MAX_NAME_CHARS || file.fileName().length() > MAX_PATH_CHARS) {
            findings.error(Check.NAME_TOO_LONG, part.substring(0, Math.min(part.length(), 40)) + "…", null, null, null, null,
                    part.length() > MAX_NAME_CHARS
                            ? "a part's name inside the archive is " + part.length() + " characters; at most " + MAX_NAME_CHARS + " are kept"
                            : "a part's path inside the archive is " + file.fileName().length() + " characters; at most "
                                    + MAX_PATH_CHARS + " are kept");
            return null;
        }
        String format = switch (file.extension()) {
            case "csv" -> "csv";
            case "jsonl" -> "jsonl";
            default -> null;
        };
        if (format == null) {
            findings.error(Check.UNSUPPORTED_FILE_TYPE, part, null, null, null, null,
                    "'" + file.fileName() + "' is not a .csv, .jsonl or .zip file");
            return null;
        }
        String text = TextDecoder.decode(file, part, findings);
        if (text == null) {
            return null;
        }
        ExampleReader reader = new ExampleReader(taskType, part, findings);
        List<Example> examples = new ArrayList<>();
        Row.Sink sink = row -> {
            if (--rowsLeft[0] < 0) {
                findings.error(Check.TOO_MANY_ROWS, part, row.row(), row.line(), null, null,
                        "the dataset has more than " + settings.maxRows() + " rows");
                return false;
            }
            Example example = reader.read(row);
            if (example != null) {
                examples.add(example);
            }
            return true;
        };
        List<String> columns;
        if (format.equals("csv")) {
            columns = CsvRows.read(text, part, findings, settings.maxFieldChars(), reader::checkHeader, sink);
        } else {
            columns = JsonlRows.read(text, part, findings, settings.maxFieldChars(), sink);
        }
        if (columns == null) {
            return null;
        }
        PartSummary summary = new PartSummary(part, file.fileName(), format, examples.size(), columns, Sha256.hex(file.bytes()),
                file.bytes().length);
        return new ParsedPart(summary, file.bytes(), examples);
    }

    private ValidationResult result(TaskType taskType, Findings findings, List<ParsedPart> parts) {
        boolean valid = !findings.hasErrors();
        List<Example> preview = parts.stream().flatMap(p -> p.examples().stream()).limit(PREVIEW_ROWS).toList();
        int examples = parts.stream().mapToInt(p -> p.examples().size()).sum();
        // a row either becomes an example or has an error, so "320 rows, 2 with errors" rather than "318 rows"
        ValidationReport report = new ValidationReport(valid, taskType.id(), examples + findings.rowsWithErrors(),
                findings.rowsWithErrors(),
                parts.stream().map(ParsedPart::summary).toList(), findings.errors(), findings.warnings(),
                findings.errorCount(), preview);
        return new ValidationResult(report, valid ? List.copyOf(parts) : List.of());
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
