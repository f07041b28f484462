package org.ladderboard.validation;

import java.util.Locale;

import static org.ladderboard.validation.Severity.ERROR;
import static org.ladderboard.validation.Severity.WARNING;

/**
 * Every rule the validator applies, with the fix hint shown beside each finding. The code (lower-case name) is
 * what the API returns; docs/formats.md lists the same rules for contestants.
 */
public enum Check {
    // the upload as a whole
    FILE_TOO_LARGE(ERROR, "Split the dataset into parts (a .zip of several files) or ask the organisers for a larger limit."),
    SPREADSHEET(ERROR, "Export the sheet as CSV. Excel: File > Save As (Save a Copy) > 'CSV UTF-8 (Comma delimited)'. Google Sheets: File > Download > Comma-separated values. LibreOffice Calc: File > Save As > 'Text CSV', character set Unicode (UTF-8). Numbers: File > Export To > CSV."),
    NAME_TOO_LONG(ERROR, "Give the file (or the part inside the .zip) a shorter name: at most 255 characters."),
    UNSUPPORTED_FILE_TYPE(ERROR, "Upload a .csv, a .jsonl, or a .zip holding .csv/.jsonl parts."),
    EMPTY_FILE(ERROR, "The file holds no data rows: check that you exported the right sheet or file."),
    ZIP_INVALID(ERROR, "Re-create the archive with a standard zip tool."),
    ZIP_TOO_MANY_ENTRIES(ERROR, "Put fewer files in the archive."),
    ZIP_TOO_LARGE(ERROR, "The unpacked parts are larger than allowed: upload fewer or smaller parts."),
    ZIP_UNSAFE_NAME(ERROR, "Use plain file names inside the archive (no '..', no absolute paths)."),
    ZIP_NESTED(ERROR, "Put the .csv/.jsonl parts directly in one archive, not an archive inside an archive."),
    ZIP_NO_PARTS(ERROR, "The archive must hold at least one .csv or .jsonl file."),
    ZIP_DUPLICATE_PART(ERROR, "Give every part file a different name."),
    ZIP_ENTRY_IGNORED(WARNING, "Only .csv and .jsonl files are read; remove other files to silence this."),
    // text encoding
    NOT_UTF8(ERROR, "Save the file as UTF-8 (in Excel: 'CSV UTF-8'; in pandas: to_csv(..., encoding='utf-8'))."),
    NUL_BYTE(ERROR, "The file contains a NUL character, which text never has: check it is not a binary or UTF-16 file."),
    NUL_CHARACTER(ERROR, "An escape (\\u0000 in JSON, \\x00 or \\0 in a Python literal) writes a NUL character, which no model text has and the contest cannot store: remove it."),
    UNPAIRED_SURROGATE(ERROR, "An escape such as \\ud83d writes half of a character: write the character itself, or both halves (\\ud83d\\ude00), so it is stored and scored exactly as written."),
    // syntax
    CSV_SYNTAX(ERROR, "Quote fields that contain commas, quotes or line breaks, and double quotes inside them (\"\")."),
    CSV_FIELD_COUNT(ERROR, "Every row needs as many fields as the header; an unquoted comma inside a field adds one."),
    CSV_DUPLICATE_COLUMN(ERROR, "Give every column a different name."),
    CSV_STRAY_QUOTE(WARNING, "A quote inside an unquoted field is kept as text; quote the whole field if that was not meant."),
    JSONL_SYNTAX(ERROR, "Each line must be one complete JSON object (pandas: to_json(..., orient='records', lines=True))."),
    JSONL_NOT_OBJECT(ERROR, "Each line must be a JSON object such as {\"prompt\": \"…\", \"classes\": \"[' A', ' B']\", \"answer_index\": 0}."),
    // columns and fields
    MISSING_COLUMN(ERROR, "Add the column (names are case-sensitive), or pick the task type that matches your file."),
    WRONG_TYPE(ERROR, "This field must be text."),
    FIELD_TOO_LONG(ERROR, "Shorten the field; prompts this long do not fit any model's context."),
    TOO_MANY_ROWS(ERROR, "Split the dataset or ask the organisers for a larger limit."),
    BIASED_PROMPT_ALIAS(WARNING, "'biased_prompt' is the early name of 'other_prompt'; it is read as 'other_prompt'."),
    // classes and answers
    CLASSES_INVALID(ERROR, "Write classes as a list of strings, e.g. \"[' Yes', ' No']\" or [\" Yes\", \" No\"]."),
    CLASS_NOT_STRING(ERROR, "Every class must be a quoted string, e.g. ' 4' rather than 4."),
    CLASSES_TOO_FEW(ERROR, "Give at least two classes to choose between."),
    CLASS_EMPTY(ERROR, "An empty class has no tokens to score: remove it or give it text."),
    LOGODDS_CLASS_COUNT(ERROR, "logodds tasks compare exactly two classes."),
    ANSWER_INDEX_INVALID(ERROR, "answer_index must be a whole number: the 0-based position of the right class."),
    ANSWER_INDEX_OUT_OF_RANGE(ERROR, "answer_index counts from 0, so it must be less than the number of classes."),
    COMPLETION_EMPTY(ERROR, "An empty completion has no tokens to score."),
    CURLY_QUOTES_REPAIRED(WARNING, "Curly quotes (‘ ’ “ ”) were read as straight quotes; turn off smart quotes and fix the file."),
    CLASS_NO_LEADING_SPACE(WARNING, "Classes are glued to the prompt with no separator: most should begin with a space (' Yes')."),
    COMPLETION_NO_LEADING_SPACE(WARNING, "The completion is glued to the prompt with no separator: it usually begins with a space."),
    PROMPT_TRAILING_WHITESPACE(WARNING, "End the prompt without whitespace and start each class with a space instead."),
    PROMPT_EMPTY(WARNING, "An empty prompt gives the model no context."),
    CLASSES_IDENTICAL(WARNING, "Two identical classes can never be told apart: make them differ."),
    // a ladder's tokenizer (run when the round's ladders are known)
    CLASS_NO_TOKENS(WARNING, "The tokenizer merges this class into the prompt's last token, so it cannot be scored: add a leading space or change the split."),
    CLASS_TOKEN_BOUNDARY(WARNING, "The prompt's last token changes when the class is appended; start the class with a space so it begins a new token."),
    CLASSES_TOKEN_IDENTICAL(WARNING, "Two classes become the same tokens for this model: it cannot tell them apart."),
    CLASS_LONGER_THAN_CONTEXT(ERROR, "A class alone fills this model's whole context, so no token of the prompt fits before it and the row can never be scored: shorten the class."),
    CONTEXT_TOO_LONG(WARNING, "Prompt + class is longer than this model's context: the prompt's start will be cut for it (and marked)."),
    EXTRA_CHECKS_PARTIAL(WARNING, "Only the first rows were tokenized: this much text is more than one check without an account reads. Submit the file to have every row checked."),
    // the round's few-shot sweep (run when the round has one)
    FEW_SHOT_PART_SMALL(WARNING, "The round also scores every example with K demonstrations drawn from the other examples of its part: this part has too few, so its K-shot prompts carry fewer demonstrations than K. Add examples, or merge small parts."),
    LOGODDS_MULTI_TOKEN(WARNING, "logodds compares only each class's first token: prefer classes that are one token."),
    // the dataset as a whole
    DUPLICATE_ROW(WARNING, "Remove repeated rows: they count twice in every metric."),
    DUPLICATE_PROMPT(WARNING, "Several rows share a prompt; check that this is intended."),
    ANSWER_ALL_SAME_INDEX(WARNING, "Shuffle the class order so the right answer is not always in the same position."),
    ANSWER_IMBALANCE(WARNING, "Balance the answers: a model that always picks the most common one scores well without understanding."),
    ANSWER_TEXT_IMBALANCE(WARNING, "One class text is almost always right: a model biased to it wins for the wrong reason."),
    TOO_FEW_ROWS(ERROR, "Add examples: the round needs at least its minimum (the prize asked for 300 and recommended about 1,000).");

    private final Severity severity;
    private final String hint;

    Check(Severity severity, String hint) {
        this.severity = severity;
        this.hint = hint;
    }

    public Severity severity() {
        return severity;
    }

    public String hint() {
        return hint;
    }

    /** The stable code the API and the pages use, e.g. {@code class_no_leading_space}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
