package org.ladderboard.app.submission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The prize's submission form. The same names are the page's form fields and the API's multipart fields.
 */
public class SubmissionForm {

    static final int MAX_TEXT = 20_000;

    @NotBlank(message = "give the task a name")
    @Size(max = 200, message = "at most 200 characters")
    private String name;

    @NotBlank(message = "choose the task type")
    @Pattern(regexp = "classification|classification_acc|sequence_prob|logodds|absolute_logodds",
            message = "one of classification, classification_acc, sequence_prob, logodds, absolute_logodds")
    private String taskType;

    @Size(max = MAX_TEXT, message = "at most 20,000 characters")
    private String description;

    @Size(max = MAX_TEXT, message = "at most 20,000 characters")
    private String whyImportant;

    @Size(max = MAX_TEXT, message = "at most 20,000 characters")
    private String whyInverse;

    @Size(max = MAX_TEXT, message = "at most 20,000 characters")
    private String generationProcedure;

    @Size(max = MAX_TEXT, message = "at most 20,000 characters")
    private String labelExpertise;

    @Pattern(regexp = "zero-shot|few-shot", message = "zero-shot or few-shot")
    private String shots = "zero-shot";

    @Pattern(regexp = "strong_prior|unwanted_imitation|distractor_task|spurious_few_shot|other",
            message = "one of strong_prior, unwanted_imitation, distractor_task, spurious_few_shot, other")
    private String cause = "other";

    String text(String value) {
        return value == null ? "" : value.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTaskType() {
        return taskType;
    }

    public void setTaskType(String taskType) {
        this.taskType = taskType;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getWhyImportant() {
        return whyImportant;
    }

    public void setWhyImportant(String whyImportant) {
        this.whyImportant = whyImportant;
    }

    public String getWhyInverse() {
        return whyInverse;
    }

    public void setWhyInverse(String whyInverse) {
        this.whyInverse = whyInverse;
    }

    public String getGenerationProcedure() {
        return generationProcedure;
    }

    public void setGenerationProcedure(String generationProcedure) {
        this.generationProcedure = generationProcedure;
    }

    public String getLabelExpertise() {
        return labelExpertise;
    }

    public void setLabelExpertise(String labelExpertise) {
        this.labelExpertise = labelExpertise;
    }

    public String getShots() {
        return shots;
    }

    public void setShots(String shots) {
        this.shots = shots;
    }

    public String getCause() {
        return cause;
    }

    public void setCause(String cause) {
        this.cause = cause;
    }
}
