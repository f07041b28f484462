package org.ladderboard.app.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service limits on uploads ({@code ladderboard.upload.*}); the round adds its minimum number of examples.
 * {@code quickCheckBudget} bounds the tokenizer work of one check without an account ({@code POST /api/validate}), in
 * characters tokenized (see {@code DatasetValidator.withCheckBudget}).
 */
@ConfigurationProperties(prefix = "ladderboard.upload")
public record UploadProperties(long maxFileBytes, int maxZipEntries, long maxUncompressedBytes, int maxRows,
                               int maxFieldChars, @DefaultValue("8000000") long quickCheckBudget) {
}
