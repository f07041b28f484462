package org.ladderboard.app.submission;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.round.Round;
import org.ladderboard.queue.SubmissionStatus;

/** A contestant's dataset entered into a round, with the prize's form fields. */
@Entity
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    private Round round;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "task_name", nullable = false)
    private String taskName;

    @Column(nullable = false)
    private String description;

    @Column(name = "why_important", nullable = false)
    private String whyImportant;

    @Column(name = "why_inverse", nullable = false)
    private String whyInverse;

    @Column(name = "generation_procedure", nullable = false)
    private String generationProcedure;

    @Column(name = "label_expertise", nullable = false)
    private String labelExpertise;

    @Column(nullable = false)
    private String shots;

    @Column(nullable = false)
    private String cause;

    @Column(name = "task_type", nullable = false)
    private String taskType;

    /** Stored VALIDATED with the upload, then changed only by the queue's statements (never by JPA). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SubmissionStatus status = SubmissionStatus.VALIDATED;

    @Column(name = "example_count", nullable = false)
    private int exampleCount;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "file_sha256", nullable = false, columnDefinition = "bpchar(64)")
    private String fileSha256;

    @Column(name = "file_bytes", nullable = false)
    private long fileBytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Submission() {
    }

    Submission(Round round, Account account, SubmissionForm form, int exampleCount, String fileName, String fileSha256,
               long fileBytes) {
        this.round = round;
        this.account = account;
        this.taskName = form.getName().trim();
        this.description = form.text(form.getDescription());
        this.whyImportant = form.text(form.getWhyImportant());
        this.whyInverse = form.text(form.getWhyInverse());
        this.generationProcedure = form.text(form.getGenerationProcedure());
        this.labelExpertise = form.text(form.getLabelExpertise());
        this.shots = form.getShots();
        this.cause = form.getCause();
        this.taskType = form.getTaskType();
        this.exampleCount = exampleCount;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.fileBytes = fileBytes;
    }

    public Long getId() {
        return id;
    }

    public Round getRound() {
        return round;
    }

    public Account getAccount() {
        return account;
    }

    public String getTaskName() {
        return taskName;
    }

    public String getDescription() {
        return description;
    }

    public String getWhyImportant() {
        return whyImportant;
    }

    public String getWhyInverse() {
        return whyInverse;
    }

    public String getGenerationProcedure() {
        return generationProcedure;
    }

    public String getLabelExpertise() {
        return labelExpertise;
    }

    public String getShots() {
        return shots;
    }

    public String getCause() {
        return cause;
    }

    public String getCauseLabel() {
        return Cause.fromId(cause).map(Cause::label).orElse(cause);
    }

    public String getTaskType() {
        return taskType;
    }

    public SubmissionStatus getStatus() {
        return status;
    }

    public int getExampleCount() {
        return exampleCount;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public long getFileBytes() {
        return fileBytes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
