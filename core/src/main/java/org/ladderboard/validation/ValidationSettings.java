package org.ladderboard.validation;

/**
 * The limits an upload is held to. The round supplies {@code minRows}; the rest guard the service.
 *
 * @param maxFileBytes         the uploaded file as sent (a .zip counts compressed)
 * @param maxZipEntries        entries in a .zip, ignored ones included
 * @param maxUncompressedBytes all parts of a .zip unpacked together (the zip-bomb guard)
 * @param maxRows              data rows over all parts
 * @param maxFieldChars        characters in one field
 * @param minRows              data rows over all parts the round asks for
 */
public record ValidationSettings(
        long maxFileBytes,
        int maxZipEntries,
        long maxUncompressedBytes,
        int maxRows,
        int maxFieldChars,
        int minRows) {

    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** The round's minimum when none is set, and the command line's: the prize asked for 300 examples. */
    public static final int DEFAULT_MIN_ROWS = 300;

    public static ValidationSettings defaults() {
        return new ValidationSettings(DEFAULT_MAX_FILE_BYTES, 64, 200L * 1024 * 1024, 200_000, 100_000, DEFAULT_MIN_ROWS);
    }

    public ValidationSettings withMinRows(int rows) {
        return new ValidationSettings(maxFileBytes, maxZipEntries, maxUncompressedBytes, maxRows, maxFieldChars, rows);
    }
}
