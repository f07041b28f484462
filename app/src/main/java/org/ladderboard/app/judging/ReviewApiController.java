package org.ladderboard.app.judging;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.openapi.Tags;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.submission.SubmissionDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The judging pages as JSON: a judge's queue, their review on the rubric, a declared conflict of interest; and for
 * organizers every review. Blind as the pages: nothing here names an author or a file (the submission itself is
 * {@code GET /api/submissions/{id}}, which shows a judge part labels).
 */
@RestController
@Tag(name = Tags.REVIEWS)
class ReviewApiController {

    record QueueRow(long id, String taskName, String cause, String taskType, int examples, String verdict,
                    String yourReview, int reviews, Map<String, Double> means) {
    }

    record QueueJson(long round, String roundName, int total, long done, List<QueueRow> rows) {
    }

    @Schema(description = "Scores 1 to 5 for every criterion of the rubric (strength, generality, importance, novelty, "
            + "coverage, reproducibility), notes of up to 1000 characters each, and optionally a verdict override "
            + "(one of the verdict codes) with its reason.")
    record ReviewBody(@Schema(example = "{\"strength\": 4, \"generality\": 3, \"importance\": 4, \"novelty\": 2, "
                              + "\"coverage\": 3, \"reproducibility\": 5}") Map<String, Integer> scores,
                      @Schema(example = "{\"strength\": \"clear on every ladder\"}") Map<String, String> notes,
                      @Schema(example = "inverse") String verdictOverride,
                      @Schema(example = "the last rung is noise") String overrideReason) {
    }

    record ConflictBody(@Schema(example = "{\"strength\": \"I advised the author\"}") Map<String, String> notes) {
    }

    record ReviewJson(long submission, boolean conflictOfInterest, Map<String, Integer> scores, Map<String, String> notes,
                      String verdictOverride, String overrideReason) {

        static ReviewJson of(Reviews.Review r) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            r.scores().forEach((c, v) -> scores.put(c.column(), v));
            Map<String, String> notes = new LinkedHashMap<>();
            r.notes().forEach((c, v) -> {
                if (v != null && !v.isBlank()) {
                    notes.put(c.column(), v);
                }
            });
            return new ReviewJson(r.submissionId(), r.conflictOfInterest(), scores, notes, r.verdictOverride(), r.overrideReason());
        }
    }

    /** {@code review} is null until this judge writes one. */
    record MineJson(long submission, String taskName, boolean ownTask, boolean conflictDeclared, ReviewJson review,
                    List<String> overrides) {
    }

    record SignedJson(String judge, Instant updatedAt, ReviewJson review) {
    }

    private static final String PROBLEMS = """
            {"error": "the review was not saved", "fields": {"strength": "score inverse scaling strength from 1 to 5"}}""";
    private static final String REFUSED = """
            {"error": "you submitted this task, so you cannot review it"}""";

    private final Reviews reviews;
    private final RoundService rounds;
    private final SubmissionDetails details;
    private final CurrentAccount currentAccount;

    ReviewApiController(Reviews reviews, RoundService rounds, SubmissionDetails details, CurrentAccount currentAccount) {
        this.reviews = reviews;
        this.rounds = rounds;
        this.details = details;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/api/reviews/queue")
    @Operation(summary = "Your review queue", description = "Judges and organizers: the current round's scored "
            + "submissions by name, with where you stand on each (\"to do\", \"reviewed\", \"conflict of interest\", "
            + "\"your own task\") and how many reviews each has; organizers also get the mean score per criterion. "
            + "`todo=true` keeps those still to do.")
    @ApiResponse(responseCode = "200", description = "the queue")
    @ApiResponse(responseCode = "404", description = "no round has been created yet")
    QueueJson queue(@RequestParam(defaultValue = "false") boolean todo) {
        Account me = currentAccount.require();
        Round round = rounds.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round has been created yet"));
        Reviews.Queue queue = reviews.queue(me, round, todo);
        boolean organizer = Reviews.readsEveryReview(me);
        return new QueueJson(round.getId(), round.getName(), queue.total(), queue.done(), queue.rows().stream().map(r -> {
            Reviews.Summary sum = queue.summaries().get(r.id());
            Map<String, Double> means = null;
            if (organizer) {
                means = new LinkedHashMap<>();
                for (Rubric c : Rubric.values()) {
                    means.put(c.column(), sum == null ? null : sum.means().get(c));
                }
            }
            return new QueueRow(r.id(), r.taskName(), r.cause(), r.taskType(), r.examples(), r.verdict(),
                    queue.standing().getOrDefault(r.id(), "to do"), sum == null ? 0 : sum.reviews(), means);
        }).toList());
    }

    @GetMapping("/api/reviews/{submission}")
    @Operation(summary = "Your review of a submission", description = "Judges and organizers: your own review (null "
            + "until you write one), whether the task is yours, and every judge's verdict override with its reason.")
    @ApiResponse(responseCode = "200", description = "your review")
    @ApiResponse(responseCode = "404", description = "no submission 42")
    MineJson mine(@PathVariable long submission) {
        Account me = currentAccount.require();
        SubmissionDetails.View view = visible(submission, me);
        Reviews.Review saved = reviews.find(submission, me.getId()).orElse(null);
        return new MineJson(submission, view.submission().getTaskName(), reviews.isAuthor(submission, me.getId()),
                saved != null && saved.conflictOfInterest(), saved == null ? null : ReviewJson.of(saved),
                reviews.overrides(submission));
    }

    @PutMapping("/api/reviews/{submission}")
    @Operation(summary = "Write your review", description = "Judges and organizers, with a manage token; audited. "
            + "Writes your review on the rubric, or replaces the one you wrote, as the review page does.")
    @ApiResponse(responseCode = "200", description = "saved",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewJson.class)))
    @ApiResponse(responseCode = "400", description = "a score, note or override is missing or wrong; nothing is saved",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Error"),
                    examples = @ExampleObject(value = PROBLEMS)))
    @ApiResponse(responseCode = "404", description = "no submission 42")
    @ApiResponse(responseCode = "409", description = "the rules of judging refuse it: the task is yours, or you declared "
            + "a conflict of interest with it", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/Error"), examples = @ExampleObject(value = REFUSED)))
    ResponseEntity<?> write(@PathVariable long submission, @RequestBody ReviewBody body) {
        Account me = currentAccount.require();
        visible(submission, me);
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        Map<Rubric, String> notes = new EnumMap<>(Rubric.class);
        Map<String, String> unknown = new LinkedHashMap<>();
        read(body.scores(), scores, unknown, "scores");
        read(body.notes(), notes, unknown, "notes");
        if (!unknown.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "the review was not saved", "fields", unknown));
        }
        String override = body.verdictOverride() == null || body.verdictOverride().isBlank() ? null : body.verdictOverride();
        return answer(reviews.submit(me, new Reviews.Review(submission, me.getId(), false, scores, notes, override,
                body.overrideReason() == null ? null : body.overrideReason().strip())), submission, me);
    }

    @PostMapping("/api/reviews/{submission}/conflict")
    @Operation(summary = "Declare a conflict of interest", description = "Judges and organizers, with a manage token; "
            + "audited. It stands: a review cannot replace it afterwards. The body (notes by criterion) is optional.")
    @ApiResponse(responseCode = "200", description = "recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewJson.class)))
    @ApiResponse(responseCode = "400", description = "a note is longer than 1000 characters, or names no criterion")
    @ApiResponse(responseCode = "404", description = "no submission 42")
    @ApiResponse(responseCode = "409", description = "the task is yours", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/Error"), examples = @ExampleObject(value = REFUSED)))
    ResponseEntity<?> conflict(@PathVariable long submission, @RequestBody(required = false) ConflictBody body) {
        Account me = currentAccount.require();
        visible(submission, me);
        Map<Rubric, String> notes = new EnumMap<>(Rubric.class);
        Map<String, String> unknown = new LinkedHashMap<>();
        read(body == null ? null : body.notes(), notes, unknown, "notes");
        if (!unknown.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "the conflict was not recorded", "fields", unknown));
        }
        return answer(reviews.submit(me, new Reviews.Review(submission, me.getId(), true, Map.of(), notes, null, null)),
                submission, me);
    }

    @GetMapping("/api/reviews/{submission}/all")
    @Operation(summary = "Every review of a submission", description = "Organizers only: each judge's review with who "
            + "wrote it and when. Judges read only their own.")
    @ApiResponse(responseCode = "200", description = "the reviews, the oldest change first")
    @ApiResponse(responseCode = "403", description = "only organizers read every review")
    @ApiResponse(responseCode = "404", description = "no submission 42")
    List<SignedJson> all(@PathVariable long submission) {
        Account me = currentAccount.require();
        if (!Reviews.readsEveryReview(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only organizers read every review");
        }
        visible(submission, me);
        return reviews.all(submission, me).stream()
                .map(s -> new SignedJson(s.judge(), s.updatedAt(), ReviewJson.of(s.review()))).toList();
    }

    private SubmissionDetails.View visible(long id, Account me) {
        return details.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no submission " + id));
    }

    private ResponseEntity<?> answer(Reviews.Submitted submitted, long submission, Account me) {
        if (submitted.saved()) {
            return ResponseEntity.ok(ReviewJson.of(reviews.find(submission, me.getId()).orElseThrow()));
        }
        if (submitted.outcome() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "the review was not saved", "fields", submitted.problems()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", submitted.problems().values().iterator().next()));
    }

    /** Criteria by their names in the rubric; a name that is none of them is a problem of the field. */
    private static <T> void read(Map<String, T> given, Map<Rubric, T> into, Map<String, String> unknown, String field) {
        if (given == null) {
            return;
        }
        given.forEach((name, value) -> java.util.Arrays.stream(Rubric.values()).filter(c -> c.column().equals(name)).findFirst()
                .ifPresentOrElse(c -> into.put(c, value), () -> unknown.put(field + "." + name,
                        "no criterion named " + name + " (the rubric has strength, generality, importance, novelty, coverage, reproducibility)")));
    }
}
