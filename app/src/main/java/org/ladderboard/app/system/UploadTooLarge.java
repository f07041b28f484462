package org.ladderboard.app.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file past the server's multipart limit trips while the request is parsed, before a handler is chosen, so advice
 * scoped to controllers never sees it: hence one advice for all. The API answers 413 with a sentence; a page gets
 * the 413 error page, which tells the contestant what to do. (On the submit form the limit usually trips earlier
 * still, when the CSRF check reads the form, and ends on the same error page.)
 */
@ControllerAdvice
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Map.of("error", "the upload is larger than the server accepts; split it into parts or ask the organisers"));
        }
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        return null;
    }
}
