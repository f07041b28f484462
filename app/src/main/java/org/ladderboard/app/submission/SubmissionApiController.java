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
class SubmissionApiController {

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
                    .body(Map.of("id", s.getId(), "status", s.getStatus().name()));
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
    ResponseEntity<SubmissionJson> one(@PathVariable long id) {
        return details.find(id, currentAccount.require()).map(SubmissionJson::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Status and, per ladder and model, the aggregates; progress of the jobs and the time left. */
    @GetMapping("/{id}/results")
    ResponseEntity<Map<String, Object>> results(@PathVariable long id) {
        return details.find(id, currentAccount.require())
                .map(view -> {
                    List<ScoringResults.Progress> jobs = SubmissionController.progress(results, view);
                    Map<String, Object> body = new java.util.LinkedHashMap<>();
                    body.put("id", id);
                    body.put("status", view.submission().getStatus().name());
                    body.put("results", results.results(id, view.ladders()));
                    body.put("jobs", jobs);
                    // the time left for the whole submission; null when done or when nothing measured tells
                    body.put("etaSeconds", ScoringResults.etaSeconds(jobs));
                    return ResponseEntity.ok(body);
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Every per-example score as JSON lines (one line per example and model). */
    @GetMapping(path = "/{id}/scores.jsonl", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> scores(@PathVariable long id) {
        return details.find(id, currentAccount.require())
                .map(view -> ResponseEntity.ok()
                        .header("Content-Disposition", "attachment; filename=\"submission-" + id + "-scores.jsonl\"")
                        .<StreamingResponseBody>body(out -> {
                            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                            results.writeScores(id, view.labels()::name, view.ladders(), writer);
                            writer.flush();
                        }))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The owner or an organizer stops the submission's scoring; 409 once it is finished. */
    @PostMapping("/{id}/cancel")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable long id) {
        Account me = currentAccount.require();
        return details.find(id, me).map(view -> {
            if (!SubmissionDetails.mayCancel(me, view.submission())) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).<Map<String, Object>>body(Map.of("error", "only the owner or an organizer can cancel"));
            }
            if (!view.submission().getStatus().isActive()) {
                return ResponseEntity.status(HttpStatus.CONFLICT).<Map<String, Object>>body(Map.of("error",
                        "the submission is " + view.submission().getStatus().name().toLowerCase() + " already"));
            }
            control.cancel(id, me);
            return ResponseEntity.ok(Map.<String, Object>of("id", id, "status", "CANCELLED"));
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The caller's own submissions, newest first. */
    @GetMapping
    List<Map<String, Object>> mine() {
        Account account = currentAccount.require();
        return details.mine(account).stream().map(s -> Map.<String, Object>of("id", s.getId(), "name", s.getTaskName(),
                "status", s.getStatus().name(), "taskType", s.getTaskType(), "examples", s.getExampleCount(),
                "round", s.getRound().getName(), "createdAt", s.getCreatedAt().toString())).toList();
    }
}
