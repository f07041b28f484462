package org.ladderboard.app.validation;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.app.throttle.AddressRateLimit;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code POST /api/validate}: the upload check with no account and nothing stored. The submit page's live check asks
 * for it with {@code ?format=html} and gets the report as the page's own fragment ({@code fragments/report}), so the
 * report has one renderer whether it comes live or after a rejected submit.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = org.ladderboard.app.openapi.Tags.VALIDATION)
class ValidationApiController {

    static final int DEFAULT_MIN_ROWS = ValidationSettings.DEFAULT_MIN_ROWS;

    private final UploadValidator validator;
    private final RoundService rounds;
    private final AddressRateLimit limit;
    private final LadderVisibility visibility;

    ValidationApiController(UploadValidator validator, RoundService rounds, LadderVisibility visibility,
                            @Qualifier("validateLimit") AddressRateLimit limit) {
        this.validator = validator;
        this.rounds = rounds;
        this.limit = limit;
        this.visibility = visibility;
    }

    @PostMapping(path = "/api/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Check a dataset", description = "No account needed; nothing is "
            + "stored. The current round's minimum number of rows applies. Each address gets 30 checks per 10 minutes. "
            + "With format=html the report comes as the submit page's HTML fragment.")
    @io.swagger.v3.oas.annotations.security.SecurityRequirements
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "valid: the report",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ValidationReport.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "unknown taskType 'x': use "
            + "classification, classification_acc, sequence_prob, logodds or absolute_logodds")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", description = "not valid: the report, line by line",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ValidationReport.class),
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
                            value = org.ladderboard.app.openapi.Examples.VALIDATION_REPORT)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "429", description = "too many upload checks "
            + "from your address (at most 30 per 10 min): try again after Retry-After seconds")
    ResponseEntity<?> validate(@RequestParam("file") MultipartFile file, @RequestParam("taskType") String taskType,
                               HttpServletRequest request) throws IOException {
        limit.takeOrRefuse(request.getRemoteAddr(), "upload checks");
        TaskType type = TaskType.fromId(taskType).orElse(null);
        if (type == null) {
            return ResponseEntity.badRequest().body(Map.of("error", unknown(taskType)));
        }
        ValidationReport report = check(file, type);
        return report.valid() ? ResponseEntity.ok(report) : ResponseEntity.unprocessableContent().body(report);
    }

    /** The same check, answered with the report's HTML fragment (200 valid, 422 not), for the submit page. */
    @PostMapping(path = "/api/validate", params = "format=html", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView validateAsFragment(@RequestParam("file") MultipartFile file, @RequestParam("taskType") String taskType,
                                    HttpServletRequest request) throws IOException {
        limit.takeOrRefuse(request.getRemoteAddr(), "upload checks");
        TaskType type = TaskType.fromId(taskType)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, unknown(taskType)));
        ValidationReport report = check(file, type);
        ModelAndView fragment = new ModelAndView("fragments/report :: report(report=${report})", Map.of("report", report));
        fragment.setStatus(report.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        return fragment;
    }

    private ValidationReport check(MultipartFile file, TaskType type) throws IOException {
        int minRows = rounds.current().map(Round::getMinExamples).orElse(DEFAULT_MIN_ROWS);
        java.util.Set<String> ladders = rounds.current().map(Round::getLadders).orElse(java.util.Set.of());
        // anyone may ask, signed in or not: the findings name no held-out ladder's models
        VisibleLadders shown = rounds.current().map(r -> visibility.inRound(r.getId(), null)).orElse(VisibleLadders.all());
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        int largestShots = rounds.current().map(Round::largestFewShot).orElse(0);
        return validator.quickCheck(name, file.getBytes(), type, minRows, ladders, shown, largestShots).report();
    }

    private static String unknown(String taskType) {
        return "unknown taskType '" + taskType + "': use classification, classification_acc, sequence_prob, logodds or absolute_logodds";
    }
}
