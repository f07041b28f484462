package org.ladderboard.validation;

import java.util.List;

/**
 * One part of an upload as read: a single .csv/.jsonl upload has one part, a .zip one per data file.
 *
 * @param name     the file name without extension, used to label the part in plots
 * @param fileName the file name as uploaded (inside the zip for zip parts)
 * @param format   {@code csv} or {@code jsonl}
 * @param columns  column names in file order (for JSONL, keys in order of first appearance)
 */
public record PartSummary(String name, String fileName, String format, int rows, List<String> columns, String sha256,
                          long bytes) {
}
