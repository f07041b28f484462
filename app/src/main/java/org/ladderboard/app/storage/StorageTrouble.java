package org.ladderboard.app.storage;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells the failures that mean "storage is not there right now" (the database down or restarting, or its disk or the
 * upload spool full) from bugs. Those get a 503 or 507 with a sentence the user can act on; a transaction that
 * failed this way stored nothing, so trying again later is always safe.
 */
public enum StorageTrouble {
    DATABASE_UNAVAILABLE(503, "The database is unavailable for a moment (restarting or unreachable). Nothing from this "
            + "request was stored: try again in a minute."),
    DISK_FULL(507, "The server's storage is full. Nothing from this request was stored: tell the organisers, and try "
            + "again once they have made room.");

    public final int status;
    public final String message;

    StorageTrouble(int status, String message) {
        this.status = status;
        this.message = message;
    }

    /** The answer outside Spring MVC (security filters): the status, a retry hint when waiting helps, the message. */
    public void writeTo(jakarta.servlet.http.HttpServletResponse response, boolean json) throws IOException {
        response.setStatus(status);
        if (this == DATABASE_UNAVAILABLE) {
            response.setHeader("Retry-After", "60");
        }
        if (json) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"" + message + "\"}");
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(message);
        }
    }

    public static Optional<StorageTrouble> of(Throwable failure) {
        Optional<StorageTrouble> found = Optional.empty();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("53100")) {
                    return Optional.of(DISK_FULL); // disk_full
                }
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    found = Optional.of(DATABASE_UNAVAILABLE); // connection lost, admin shutdown, out of resources
                }
            }
            // a rollback on a connection the restart cut reports only this, and it replaces the original error
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || (t instanceof SQLException && t.getMessage() != null
                    && (t.getMessage().contains("Connection is closed") || t.getMessage().contains("connection has been closed")))) {
                found = Optional.of(DATABASE_UNAVAILABLE);
            }
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return Optional.of(DISK_FULL);
            }
            if (t instanceof ConnectException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException) {
                found = Optional.of(DATABASE_UNAVAILABLE);
            }
        }
        return found;
    }
}
