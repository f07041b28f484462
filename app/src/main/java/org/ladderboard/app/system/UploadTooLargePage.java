package org.ladderboard.app.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A file too large for the server never reaches the validator: send the contestant back to the form with a note. */
@ControllerAdvice(annotations = Controller.class)
class UploadTooLargePage {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge() {
        return "redirect:/submit?tooLarge";
    }
}
