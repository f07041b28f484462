package org.ladderboard.app.export;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.openapi.Tags;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The exports page as JSON: an export at once, or started in the background, its state and its file. Organizers only. */
@RestController
@Tag(name = Tags.EXPORTS)
class ExportApiController {

    private static final String KINDS = "winners.csv, winners.json, leaderboard.csv, submissions.csv or release.zip";

    record ExportJson(long id, long round, String kind, String status, String requestedBy, Long bytes, String error,
                      Instant createdAt, Instant finishedAt, String file) {

        static ExportJson of(ExportJobs.Job j) {
            return new ExportJson(j.id(), j.roundId(), j.kind(), j.status(), j.requestedBy(), j.bytes(), j.error(),
                    j.createdAt(), j.finishedAt(), "READY".equals(j.status()) ? "/api/exports/" + j.id() + "/file" : null);
        }
    }

    record StartBody(@Schema(description = KINDS, example = "release.zip") String kind) {
    }

    private final RoundService rounds;
    private final Exports exports;
    private final ExportJobs jobs;
    private final CurrentAccount currentAccount;

    ExportApiController(RoundService rounds, Exports exports, ExportJobs jobs, CurrentAccount currentAccount) {
        this.rounds = rounds;
        this.exports = exports;
        this.jobs = jobs;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/api/rounds/{id}/exports/{kind}")
    @Operation(summary = "Download an export now", description = "Organizers only; audited. The file is written as it "
            + "streams; for a big round start it in the background instead.")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "no round 7, or no export named that")
    ResponseEntity<StreamingResponseBody> now(@PathVariable long id,
                                              @Parameter(description = KINDS) @PathVariable String kind) {
        Round round = round(id);
        if (!Exports.KINDS.contains(kind)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no export named " + kind + ": " + KINDS);
        }
        exports.recordDownload(currentAccount.require(), round, kind);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Exports.contentType(kind)))
                .header("Content-Disposition", "attachment; filename=\"round-" + id + "-" + kind + "\"")
                .<StreamingResponseBody>body(out -> exports.write(kind, round, out));
    }

    @PostMapping("/api/rounds/{id}/exports")
    @Operation(summary = "Start an export in the background", description = "Organizers only; audited. Poll its "
            + "Location until its status is READY, then download its file.")
    @ApiResponse(responseCode = "201", description = "started; Location names the export")
    @ApiResponse(responseCode = "400", description = "no export named report.pdf: " + KINDS)
    @ApiResponse(responseCode = "404", description = "no round 7")
    ResponseEntity<ExportJson> start(@PathVariable long id, @RequestBody StartBody body) {
        Round round = round(id);
        if (body.kind() == null || !Exports.KINDS.contains(body.kind())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no export named " + body.kind() + ": " + KINDS);
        }
        long job = jobs.start(round, body.kind(), currentAccount.require());
        return ResponseEntity.created(URI.create("/api/exports/" + job)).body(ExportJson.of(jobs.find(job).orElseThrow()));
    }

    @GetMapping("/api/exports")
    @Operation(summary = "Background exports", description = "Organizers only: the newest hundred, newest first.")
    List<ExportJson> list() {
        return jobs.latest().stream().map(ExportJson::of).toList();
    }

    @GetMapping("/api/exports/{job}")
    @Operation(summary = "A background export's state", description = "Organizers only: QUEUED, RUNNING, READY (with "
            + "its file's address) or FAILED (with the error).")
    @ApiResponse(responseCode = "200", description = "the export")
    @ApiResponse(responseCode = "404", description = "no export 12")
    ExportJson one(@PathVariable long job) {
        return ExportJson.of(find(job));
    }

    @GetMapping("/api/exports/{job}/file")
    @Operation(summary = "A background export's file", description = "Organizers only.")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "no export 12")
    @ApiResponse(responseCode = "409", description = "export 12 is RUNNING: its file is not ready")
    ResponseEntity<byte[]> file(@PathVariable long job) {
        ExportJobs.Job found = find(job);
        Object[] file = jobs.file(job).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                "export " + job + " is " + found.status() + ": its file is not ready"
                        + (found.error() == null ? "" : " (" + found.error() + ")")));
        String kind = (String) file[0];
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Exports.contentType(kind)))
                .header("Content-Disposition", "attachment; filename=\"export-" + job + "-" + kind + "\"").body((byte[]) file[1]);
    }

    private Round round(long id) {
        return rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + id));
    }

    private ExportJobs.Job find(long job) {
        return jobs.find(job).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no export " + job));
    }
}
