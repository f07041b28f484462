package org.ladderboard.scoring;

/**
 * The queue timings a scoring worker runs with unless configured: the one source for the in-process worker of the
 * one-command run ({@code ladderboard.worker.*}) and for standalone workers (their options), docs/ladders.md.
 */
public final class WorkerDefaults {

    /** How long a claimed job stays a worker's without a heartbeat. */
    public static final int LEASE_SECONDS = 60;
    /** How often a worker renews its lease and looks for a cancel; well inside the lease. */
    public static final int HEARTBEAT_MS = 5_000;
    /** Examples scored and stored between two checkpoints of a job. */
    public static final int CHUNK_SIZE = 256;
    /** Wait before a failed job is tried again (grows with each attempt). */
    public static final int BACKOFF_SECONDS = 10;
    /** How often an idle worker looks for a job. */
    public static final int IDLE_POLL_MS = 1_000;
    /** A job that stores no example for this long fails as stalled instead of holding its lease forever. */
    public static final int STALL_SECONDS = 1_800;
    /** Worker threads (each holds one model). */
    public static final int THREADS = 1;
    /** {@code cpu} or {@code gpu}. */
    public static final String DEVICE = "cpu";

    private WorkerDefaults() {
    }
}
