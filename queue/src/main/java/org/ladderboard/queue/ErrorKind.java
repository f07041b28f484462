package org.ladderboard.queue;

import java.sql.SQLException;
import java.util.Set;

/**
 * Why a job failed, as {@code scoring_job.error_kind} stores it. A database error is classified by its SQLSTATE: only
 * the classes that say the database is away or busy are infrastructure (retried); a data or integrity error is the
 * data's (the job fails at once, with the reason shown to the contestant), and anything else is an internal fault
 * that fails the job at once too. An error without a SQLSTATE never came from the server (the pool or the driver
 * lost the connection) and counts as infrastructure. docs/database.md has the policy.
 */
public enum ErrorKind {
    /** The dataset cannot be scored or its scores cannot be stored as they are. */
    DATA,
    /** The database, the network or the worker's machine: retried with a backoff. */
    INFRASTRUCTURE,
    /** A fault in the platform itself: fails the job at once so that an organizer looks at it. */
    INTERNAL;

    /** connection exception (08), insufficient resources (53: disk full, out of memory), system error (58: I/O). */
    private static final Set<String> INFRASTRUCTURE_CLASSES = Set.of("08", "53", "58");
    /**
     * serialization failure and deadlock (the transaction may simply run again), and the server shutting down,
     * crashing, starting up or dropping connections (57P01–57P05); 57014, a cancelled statement, is not among them.
     */
    private static final Set<String> RETRY_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "57P04", "57P05");
    /** data exception (22) and integrity constraint violation (23). */
    private static final Set<String> DATA_CLASSES = Set.of("22", "23");

    /** The kind of a database error, from the first SQLSTATE along its causes. */
    public static ErrorKind of(SQLException e) {
        String state = sqlState(e);
        if (state == null) {
            // the server names every error it raises; one without a state comes from the driver or the pool
            // ("Connection is closed", "Connection is not available"), which is the database going away
            return INFRASTRUCTURE;
        }
        String stateClass = state.substring(0, Math.min(2, state.length()));
        if (INFRASTRUCTURE_CLASSES.contains(stateClass) || RETRY_STATES.contains(state)) {
            return INFRASTRUCTURE;
        }
        return DATA_CLASSES.contains(stateClass) ? DATA : INTERNAL;
    }

    /** The first SQLSTATE found on the error, its chained errors or its causes. */
    public static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if (s.getSQLState() != null) {
                    return s.getSQLState();
                }
                if (s.getNextException() != null && s.getNextException().getSQLState() != null) {
                    return s.getNextException().getSQLState();
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
