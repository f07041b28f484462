package org.ladderboard.app.notice;

/** What a notice tells of; {@code notice.kind}'s check constraint lists the same words. */
public enum NoticeKind {
    /** to the author: their submission is scored */
    SUBMISSION_SCORED,
    /** to the author: their submission failed, with the reason */
    SUBMISSION_FAILED,
    /** to each judge who may review it: a scored submission is waiting in their queue */
    REVIEW_WAITING,
    /** to organizers: a worker stopped sending heartbeats without saying it stopped */
    WORKER_SILENT,
    /** to organizers: a job failed and will not be tried again on its own */
    JOB_FAILED;

    /** The page the notice is about. */
    String link(Long submissionId) {
        return switch (this) {
            case SUBMISSION_SCORED, SUBMISSION_FAILED -> "/submissions/" + submissionId;
            case REVIEW_WAITING -> "/judging/" + submissionId;
            case WORKER_SILENT, JOB_FAILED -> "/organizer/queue";
        };
    }
}
