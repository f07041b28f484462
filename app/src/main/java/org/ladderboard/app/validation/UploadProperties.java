package org.ladderboard.app.validation;

import org.ladderboard.validation.ValidationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service limits on uploads ({@code ladderboard.upload.*}); each one left unset is the command line's
 * ({@link ValidationSettings#defaults()}), so the upload page and {@code validate} agree. The round adds its minimum
 * number of examples.
 */
@ConfigurationProperties(prefix = "ladderboard.upload")
public record UploadProperties(Long maxFileBytes, Integer maxZipEntries, Long maxUncompressedBytes, Integer maxRows,
                               Integer maxFieldChars) {

    public UploadProperties {
        ValidationSettings defaults = ValidationSettings.defaults();
        maxFileBytes = maxFileBytes == null ? defaults.maxFileBytes() : maxFileBytes;
        maxZipEntries = maxZipEntries == null ? defaults.maxZipEntries() : maxZipEntries;
        maxUncompressedBytes = maxUncompressedBytes == null ? defaults.maxUncompressedBytes() : maxUncompressedBytes;
        maxRows = maxRows == null ? defaults.maxRows() : maxRows;
        maxFieldChars = maxFieldChars == null ? defaults.maxFieldChars() : maxFieldChars;
    }
}
