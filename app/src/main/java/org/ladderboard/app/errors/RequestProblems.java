package org.ladderboard.app.errors;

import org.ladderboard.app.storage.StorageTrouble;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests that fail before a handler is chosen (a multipart body is parsed first) or in the rules every request
 * passes ({@link StorableInput}): advice scoped to controllers never sees these, hence one advice for all. The API
 * gets JSON with a sentence; a page gets the error page with the same sentence.
 */
@ControllerAdvice
class RequestProblems {

    /**
     * Past the server's multipart limit: the API answers 413 with a sentence; a page gets the 413 error page, which
     * tells the contestant what to do. (On the submit form the limit usually trips earlier still, when the CSRF check
     * reads the form, and ends on the same error page.)
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isApi(request)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Map.of("error", "the upload is larger than the server accepts; split it into parts or ask the organisers"));
        }
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        return null;
    }

    /** A cut-off body, a malformed part header (a bad {@code filename*}, say), or storage failing while spooling. */
    @ExceptionHandler(MultipartException.class)
    Object unreadable(MultipartException e, HttpServletRequest request) {
        var trouble = StorageTrouble.of(e);
        if (trouble.isPresent()) {
            LoggerFactory.getLogger(RequestProblems.class).warn("upload failed on storage: {}", e.toString());
            return answer(request, trouble.get().status, trouble.get().message);
        }
        return answer(request, 400, "The upload could not be read: its body is cut off or malformed, or a part's header is "
                + "(for the file, its file name: filename=\"task.csv\", or filename*=UTF-8''task.csv percent-encoded). "
                + "Nothing was stored: send it again.");
    }

    @ExceptionHandler(StorableInput.UnstorableInputException.class)
    Object unstorable(StorableInput.UnstorableInputException e, HttpServletRequest request) {
        String sentence = e.getMessage();
        return answer(request, 400, Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1));
    }

    private static Object answer(HttpServletRequest request, int status, String message) {
        if (isApi(request)) {
            return ResponseEntity.status(status).body(Map.of("error", message));
        }
        return new ModelAndView("error", Map.of("status", status, "message", message), HttpStatus.valueOf(status));
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
