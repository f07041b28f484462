package org.ladderboard.app.scoring;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.ladder.LadderHealth;
import org.ladderboard.app.openapi.Tags;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The queue page as JSON: jobs by status, workers with their heartbeat's age, failed jobs, broken ladders; retry. */
@RestController
@Tag(name = Tags.QUEUE)
class QueueApiController {

    record LadderProblem(String ladder, String model, String message) {
    }

    record QueueJson(Map<String, Integer> jobsByStatus, List<ScoringResults.WorkerRow> workers,
                     List<ScoringResults.FailedJob> failed, List<LadderProblem> ladderProblems) {
    }

    record Retried(long job, String status) {
    }

    private final ScoringResults results;
    private final ScoringControl control;
    private final LadderHealth health;
    private final CurrentAccount currentAccount;

    QueueApiController(ScoringResults results, ScoringControl control, LadderHealth health, CurrentAccount currentAccount) {
        this.results = results;
        this.control = control;
        this.health = health;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/api/queue")
    @Operation(summary = "The scoring queue and its workers", description = "Organizers only: how many jobs are in "
            + "each status, every worker with its last heartbeat and that heartbeat's age in seconds, the failed jobs "
            + "with their errors, and the ladders with a model that cannot load.")
    QueueJson queue() {
        ScoringResults.QueueView view = results.queue();
        return new QueueJson(view.jobsByStatus(), view.workers(), view.failed(), health.problems().stream()
                .map(p -> new LadderProblem(p.ladder(), p.rung(), p.message())).toList());
    }

    @PostMapping("/api/queue/jobs/{id}/retry")
    @Operation(summary = "Retry a failed job", description = "Organizers only; audited. The job is queued again "
            + "with fresh attempts, as the queue page's retry button does.")
    @ApiResponse(responseCode = "200", description = "queued again")
    @ApiResponse(responseCode = "409", description = "job 9 is not failed (or there is no job 9)")
    Retried retry(@PathVariable long id) {
        if (!control.retry(id, currentAccount.require())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "job " + id + " is not failed (or there is no job " + id + ")");
        }
        return new Retried(id, "QUEUED");
    }
}
