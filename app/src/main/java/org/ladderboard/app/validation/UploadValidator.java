package org.ladderboard.app.validation;

import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ValidationResult;
import org.ladderboard.validation.ValidationSettings;
import org.springframework.stereotype.Service;

/** Validates an upload with the service's limits and a round's minimum size. */
@Service
public class UploadValidator {

    private final UploadProperties limits;

    public UploadValidator(UploadProperties limits) {
        this.limits = limits;
    }

    public ValidationResult validate(String fileName, byte[] bytes, TaskType taskType, int minRows) {
        ValidationSettings settings = new ValidationSettings(limits.maxFileBytes(), limits.maxZipEntries(),
                limits.maxUncompressedBytes(), limits.maxRows(), limits.maxFieldChars(), minRows);
        return new DatasetValidator(settings).validate(fileName, bytes, taskType);
    }

    public long maxFileBytes() {
        return limits.maxFileBytes();
    }
}
