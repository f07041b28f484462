package org.ladderboard.app.errors;

import org.ladderboard.app.storage.StorageTrouble;

import org.slf4j.LoggerFactory;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** API failures as JSON with a sentence a script's author can act on, never a stack trace or an HTML page. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    /**
     * A database outage or a full disk: 503 or 507 saying nothing was stored; anything else there is a bug (500). An
     * unreadable multipart body fails before a handler is chosen: {@link RequestProblems} answers it.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class,
            jakarta.persistence.PersistenceException.class})
    ResponseEntity<Map<String, String>> storage(Exception e) {
        var trouble = StorageTrouble.of(e);
        if (trouble.isEmpty()) {
            LoggerFactory.getLogger(ApiErrors.class).error("request failed", e);
            return ResponseEntity.internalServerError().body(Map.of("error", "internal error: nothing was stored; tell the organisers if it persists"));
        }
        LoggerFactory.getLogger(ApiErrors.class).warn("request failed on storage: {}", e.toString());
        var response = ResponseEntity.status(trouble.get().status);
        if (trouble.get() == StorageTrouble.DATABASE_UNAVAILABLE) {
            response.header("Retry-After", "60");
        }
        return response.body(Map.of("error", trouble.get().message));
    }

    @ExceptionHandler(org.ladderboard.app.throttle.TooManyRequestsException.class)
    ResponseEntity<Map<String, String>> tooMany(org.ladderboard.app.throttle.TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(e.retryAfter().toSeconds())).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, String>> missing(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /** A refusal a controller names ({@code 404 no round 7}, {@code 409 the export is still running}). */
    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ResponseEntity<Map<String, String>> refused(org.springframework.web.server.ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        String reason = e.getReason() != null ? e.getReason()
                : status == null ? "refused" : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).body(Map.of("error", reason));
    }

    /** A JSON body that is not JSON, or not the shape the operation describes. */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadableBody(org.springframework.http.converter.HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause() instanceof tools.jackson.core.JacksonException json
                ? UnreadableJson.describe(json) : "the body is missing or is not JSON";
        return ResponseEntity.badRequest().body(Map.of("error", "the request body could not be read: " + detail));
    }

    /** A path or query parameter of the wrong type ({@code /api/rounds/abc}). */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> wrongType(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "“" + e.getName() + "” must be "
                + (e.getRequiredType() == null ? "of another type" : "a " + e.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                + ", not “" + e.getValue() + "”"));
    }
}
