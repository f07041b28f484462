package org.ladderboard.app.validation;

import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.fewshot.FewShotPartCheck;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ValidationResult;
import org.ladderboard.validation.ValidationSettings;
import org.springframework.stereotype.Service;

/** Validates an upload with the service's limits, a round's minimum size and its ladders' tokenizers. */
@Service
public class UploadValidator {

    private final UploadProperties limits;
    private final TokenizerChecks tokenizerChecks;

    public UploadValidator(UploadProperties limits, TokenizerChecks tokenizerChecks) {
        this.limits = limits;
        this.tokenizerChecks = tokenizerChecks;
    }

    /**
     * Validates with the service limits, the round's minimum, the tokenizer rules of the round's ladders, and, for a
     * round with a few-shot sweep ({@code largestShots} above 0), whether each part has more than K examples.
     */
    public ValidationResult validate(String fileName, byte[] bytes, TaskType taskType, int minRows, Iterable<String> ladders,
                                     VisibleLadders shown, int largestShots) {
        return validator(minRows, ladders, shown, largestShots).validate(fileName, bytes, taskType);
    }

    /**
     * The check anyone may run without an account, nothing stored: the same rules, but the tokenizer rules stop at
     * the quick-check budget, so one request's CPU is bounded (a submission is checked in full).
     */
    public ValidationResult quickCheck(String fileName, byte[] bytes, TaskType taskType, int minRows, Iterable<String> ladders,
                                       VisibleLadders shown, int largestShots) {
        return validator(minRows, ladders, shown, largestShots).withCheckBudget(limits.quickCheckBudget())
                .validate(fileName, bytes, taskType);
    }

    private DatasetValidator validator(int minRows, Iterable<String> ladders, VisibleLadders shown, int largestShots) {
        ValidationSettings settings = new ValidationSettings(limits.maxFileBytes(), limits.maxZipEntries(),
                limits.maxUncompressedBytes(), limits.maxRows(), limits.maxFieldChars(), minRows);
        DatasetValidator validator = new DatasetValidator(settings, tokenizerChecks.forLadders(ladders, shown));
        return largestShots > 0 ? validator.withRoundCheck(new FewShotPartCheck(largestShots)) : validator;
    }

    public long maxFileBytes() {
        return limits.maxFileBytes();
    }
}
