package org.ladderboard.app.validation;

import org.ladderboard.validation.ValidationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service limits on uploads ({@code ladderboard.upload.*}); each one left unset is the command line's
 * ({@link ValidationSettings#defaults()}), so the upload page and {@code validate} agree. The round adds its minimum
 * number of examples. {@code quickCheckBudget} bounds the tokenizer work of one check without an account
 * ({@code POST /api/validate}), in characters tokenized (see {@code DatasetValidator.withCheckBudget}).
 */
@ConfigurationProperties(prefix = "ladderboard.upload")
public record UploadProperties(Long maxFileBytes, Integer maxZipEntries, Long maxUncompressedBytes, Integer maxRows,
                               Integer maxFieldChars, Long quickCheckBudget) {

    public UploadProperties {
        ValidationSettings defaults = ValidationSettings.defaults();
        maxFileBytes = maxFileBytes == null ? defaults.maxFileBytes() : maxFileBytes;
        maxZipEntries = maxZipEntries == null ? defaults.maxZipEntries() : maxZipEntries;
        maxUncompressedBytes = maxUncompressedBytes == null ? defaults.maxUncompressedBytes() : maxUncompressedBytes;
        maxRows = maxRows == null ? defaults.maxRows() : maxRows;
        maxFieldChars = maxFieldChars == null ? defaults.maxFieldChars() : maxFieldChars;
        quickCheckBudget = quickCheckBudget == null ? 8_000_000L : quickCheckBudget;
    }
}
