package org.ladderboard.app.submission;

import java.time.Instant;
import java.util.List;

import org.ladderboard.app.scoring.ScoringQueue;

/** The API's shape of a submission ({@code GET /api/submissions/{id}}); documented in docs/api.md. */
public record SubmissionJson(
        long id,
        String status,
        long roundId,
        String round,
        String name,
        String taskType,
        String shots,
        String cause,
        String description,
        String whyImportant,
        String whyInverse,
        String generationProcedure,
        String labelExpertise,
        int examples,
        String fileName,
        String sha256,
        long bytes,
        Instant createdAt,
        List<SubmissionDetails.Part> parts,
        List<SubmissionDetails.Warning> warnings,
        List<SubmissionDetails.Event> history,
        List<ScoringQueue.Job> jobs) {

    static SubmissionJson of(SubmissionDetails.View view) {
        Submission s = view.submission();
        return new SubmissionJson(s.getId(), s.getStatus().name(), s.getRound().getId(), view.roundName(), s.getTaskName(),
                s.getTaskType(), s.getShots(), s.getCause(), s.getDescription(), s.getWhyImportant(), s.getWhyInverse(),
                s.getGenerationProcedure(), s.getLabelExpertise(), s.getExampleCount(), view.fileName(),
                s.getFileSha256(), s.getFileBytes(), s.getCreatedAt(), view.parts(), view.warnings(), view.history(),
                view.jobs());
    }
}
