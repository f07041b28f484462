package org.ladderboard.app.validation;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.throttle.AddressRateLimit;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/validate}: the upload check with no account and nothing stored; the submit page calls it live. */
@RestController
class ValidationApiController {

    static final int DEFAULT_MIN_ROWS = ValidationSettings.DEFAULT_MIN_ROWS;

    private final UploadValidator validator;
    private final RoundService rounds;
    private final AddressRateLimit limit;

    ValidationApiController(UploadValidator validator, RoundService rounds,
                            @Qualifier("validateLimit") AddressRateLimit limit) {
        this.validator = validator;
        this.rounds = rounds;
        this.limit = limit;
    }

    @PostMapping(path = "/api/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> validate(@RequestParam("file") MultipartFile file, @RequestParam("taskType") String taskType,
                               HttpServletRequest request) throws IOException {
        limit.takeOrRefuse(request.getRemoteAddr(), "upload checks");
        TaskType type = TaskType.fromId(taskType).orElse(null);
        if (type == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown taskType '" + taskType
                    + "': use classification, classification_acc, sequence_prob, logodds or absolute_logodds"));
        }
        int minRows = rounds.current().map(Round::getMinExamples).orElse(DEFAULT_MIN_ROWS);
        java.util.Set<String> ladders = rounds.current().map(Round::getLadders).orElse(java.util.Set.of());
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        ValidationReport report = validator.quickCheck(name, file.getBytes(), type, minRows, ladders).report();
        return report.valid() ? ResponseEntity.ok(report) : ResponseEntity.unprocessableContent().body(report);
    }
}
