package org.ladderboard.app.scoring;

import org.ladderboard.scoring.WorkerDefaults;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ladderboard.worker.*}: the scoring worker inside the app (on in the one-command run, off otherwise: deploy
 * standalone workers instead) and its queue timings.
 */
@ConfigurationProperties(prefix = "ladderboard.worker")
public record WorkerProperties(boolean embedded, Integer threads, Integer leaseSeconds, Integer heartbeatMs,
                               Integer chunkSize, Integer backoffSeconds, Integer idlePollMs, String device,
                               Integer batchTokens) {

    /** Unset timings are the standalone worker's defaults ({@link WorkerDefaults}); unset batchTokens, the engine's. */
    public WorkerProperties {
        threads = threads == null ? WorkerDefaults.THREADS : threads;
        leaseSeconds = leaseSeconds == null ? WorkerDefaults.LEASE_SECONDS : leaseSeconds;
        heartbeatMs = heartbeatMs == null ? WorkerDefaults.HEARTBEAT_MS : heartbeatMs;
        chunkSize = chunkSize == null ? WorkerDefaults.CHUNK_SIZE : chunkSize;
        backoffSeconds = backoffSeconds == null ? WorkerDefaults.BACKOFF_SECONDS : backoffSeconds;
        idlePollMs = idlePollMs == null ? WorkerDefaults.IDLE_POLL_MS : idlePollMs;
        device = device == null ? WorkerDefaults.DEVICE : device;
        // batchTokens stays null unless set: the engine then uses its measured default for the device
    }
}
