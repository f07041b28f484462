package org.ladderboard.app.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Service limits on uploads ({@code ladderboard.upload.*}); the round adds its minimum number of examples. */
@ConfigurationProperties(prefix = "ladderboard.upload")
public record UploadProperties(long maxFileBytes, int maxZipEntries, long maxUncompressedBytes, int maxRows,
                               int maxFieldChars) {
}
