package org.ladderboard.app.submission;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.openapi.Tags;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.scoring.ScoringControl;
import org.ladderboard.app.scoring.ScoringResults;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/submissions")
@Tag(name = Tags.SUBMISSIONS)
class SubmissionApiController {

    private static final String NOT_FOUND = "no submission 42 that you may see";

    private final SubmissionService service;
    private final SubmissionDetails details;
    private final CurrentAccount currentAccount;
    private final ScoringResults results;
    private final ScoringControl control;

    SubmissionApiController(SubmissionService service, SubmissionDetails details, CurrentAccount currentAccount,
                            ScoringResults results, ScoringControl control) {
        this.service = service;
        this.details = details;
        this.currentAccount = currentAccount;
        this.results = results;
        this.control = control;
    }

    /** 201 with {id, status}; 400 bad form fields; 409 round closed; 422 invalid file (the report); 429 caps. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a dataset", description = "Contestants, with a submit token. The file is validated "
            + "as the submit page does; a valid one is stored and queued for scoring on every ladder of the round.")
    @ApiResponse(responseCode = "201", description = "stored and queued; Location names the submission",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class),
                    examples = @ExampleObject(value = "{\"id\": 42, \"status\": \"QUEUED\"}")))
    @ApiResponse(responseCode = "400", description = "form fields missing or wrong; nothing is stored", content = @Content(
            mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Error"), examples = @ExampleObject(
            value = "{\"error\": \"some form fields are missing or wrong\", \"fields\": {\"name\": \"give the task a name\"}}")))
    @ApiResponse(responseCode = "409", description = "no round is open for submissions now")
    @ApiResponse(responseCode = "422", description = "the file has errors: the validation report; nothing is stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = org.ladderboard.validation.ValidationReport.class),
                    examples = @ExampleObject(value = org.ladderboard.app.openapi.Examples.VALIDATION_REPORT)))
    @ApiResponse(responseCode = "429", description = "the day's limit of submissions, or of rejected and failed ones, is "
            + "reached: try again after Retry-After seconds", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/Error"), examples = @ExampleObject(value =
            "{\"error\": \"you have used today's 5 submissions\", \"resetsAt\": \"2026-11-24T00:00:00Z\"}")))
    ResponseEntity<?> submit(@Valid @ModelAttribute SubmissionForm form, BindingResult fields,
                             @RequestParam("file") MultipartFile file) throws IOException {
        if (fields.hasErrors()) {
            Map<String, String> problems = new TreeMap<>();
            fields.getFieldErrors().forEach(e -> problems.putIfAbsent(e.getField(), e.getDefaultMessage()));
            return ResponseEntity.badRequest().body(Map.of("error", "some form fields are missing or wrong", "fields", problems));
        }
        try {
            SubmissionService.Outcome outcome = service.submit(currentAccount.require(), form,
                    file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), file.getBytes());
            if (!outcome.accepted()) {
                return ResponseEntity.unprocessableContent().body(outcome.report());
            }
            Submission s = outcome.submission();
            return ResponseEntity.created(URI.create("/api/submissions/" + s.getId()))
                    .body(new Created(s.getId(), s.getStatus().name()));
        } catch (SubmissionRefusedException refused) {
            return refusal(refused);
        }
    }

    static ResponseEntity<Map<String, Object>> refusal(SubmissionRefusedException refused) {
        if (refused.retryAt() == null) {
            // a closed round, or one whose ladder cannot score: not the client's to retry later
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", refused.getMessage()));
        }
        long seconds = Math.max(1, Duration.between(java.time.Instant.now(), refused.retryAt()).toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(seconds))
                .body(Map.of("error", refused.getMessage(), "resetsAt", refused.retryAt().toString()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A submission", description = "The owner, judges and organizers. Judges see it blind: part "
            + "labels for file names, no history notes.")
    @ApiResponse(responseCode = "200", description = "the submission")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    SubmissionJson one(@PathVariable long id) {
        return SubmissionJson.of(visible(id));
    }

    private SubmissionDetails.View visible(long id) {
        return details.find(id, currentAccount.require()).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                HttpStatus.NOT_FOUND, "no submission " + id + " that you may see"));
    }

    /** Status and, per ladder and model, the aggregates; progress of the jobs and the time left. */
    @GetMapping("/{id}/results")
    @Operation(summary = "A submission's results", description = "Same access as the submission: per ladder and "
            + "model the aggregates once that model's job is done, and each job's progress.")
    @ApiResponse(responseCode = "200", description = "the results")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    Results results(@PathVariable long id) {
        SubmissionDetails.View view = visible(id);
        List<ScoringResults.Progress> jobs = SubmissionController.progress(results, view);
        // the time left for the whole submission; null when done or when nothing measured tells
        return new Results(id, view.submission().getStatus().name(), results.results(id, view.ladders()), jobs,
                ScoringResults.etaSeconds(jobs));
    }

    /** A submission's aggregates per ladder, model and K, each job's progress, and the time left for all of it. */
    record Results(long id, String status, List<ScoringResults.ModelResult> results, List<ScoringResults.Progress> jobs,
                   Double etaSeconds) {
    }

    /** A stored submission, queued for scoring. */
    record Created(long id, String status) {
    }

    /** A cancelled submission. */
    record Cancelled(long id, String status) {
    }

    /** Every per-example score as JSON lines (one line per example and model). */
    @GetMapping(path = "/{id}/scores.jsonl", produces = "application/x-ndjson")
    @Operation(summary = "Every per-example score", description = "Same access as the submission: one JSON line per "
            + "example and model, in file order.")
    @ApiResponse(responseCode = "200", description = "the scores as JSON lines")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ResponseEntity<StreamingResponseBody> scores(@PathVariable long id) {
        SubmissionDetails.View view = visible(id);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"submission-" + id + "-scores.jsonl\"")
                .<StreamingResponseBody>body(out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    results.writeScores(id, view.labels()::name, view.ladders(), writer);
                    writer.flush();
                });
    }

    /** The owner or an organizer stops the submission's scoring; 409 once it is finished. */
    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a submission's scoring", description = "The owner (submit token) or an organizer "
            + "(submit or manage token); a worker on it stops at its next heartbeat.")
    @ApiResponse(responseCode = "200", description = "cancelled", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Cancelled.class)))
    @ApiResponse(responseCode = "403", description = "only the owner or an organizer can cancel")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "the submission is scored already")
    ResponseEntity<?> cancel(@PathVariable long id) {
        Account me = currentAccount.require();
        return details.find(id, me).map(view -> {
            if (!SubmissionDetails.mayCancel(me, view.submission())) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "only the owner or an organizer can cancel"));
            }
            if (!view.submission().getStatus().isActive()) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error",
                        "the submission is " + view.submission().getStatus().name().toLowerCase() + " already"));
            }
            control.cancel(id, me);
            return ResponseEntity.ok(new Cancelled(id, "CANCELLED"));
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no submission " + id + " that you may see")));
    }

    /** The caller's own submissions, newest first. */
    @GetMapping
    @Operation(summary = "Your submissions", description = "The caller's own submissions, newest first.")
    List<Map<String, Object>> mine() {
        Account account = currentAccount.require();
        return details.mine(account).stream().map(s -> Map.<String, Object>of("id", s.getId(), "name", s.getTaskName(),
                "status", s.getStatus().name(), "taskType", s.getTaskType(), "examples", s.getExampleCount(),
                "round", s.getRound().getName(), "createdAt", s.getCreatedAt().toString())).toList();
    }
}
