package org.ladderboard.app.storage;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Pages: a database outage or a full disk gets the error page with what happened and what to do, not a bare 500. */
@ControllerAdvice(annotations = Controller.class)
class StorageTroublePage {

    private static final Logger log = LoggerFactory.getLogger(StorageTroublePage.class);

    @ExceptionHandler({DataAccessException.class, TransactionException.class, jakarta.persistence.PersistenceException.class})
    ModelAndView storage(Exception e) {
        var trouble = StorageTrouble.of(e);
        int status = trouble.map(t -> t.status).orElse(500);
        if (trouble.isEmpty()) {
            log.error("request failed", e);
        } else {
            log.warn("request failed on storage: {}", e.toString());
        }
        return new ModelAndView("error", Map.of("status", status, "message", trouble.map(t -> t.message).orElse("")),
                HttpStatus.valueOf(status));
    }
}
