package org.ladderboard.app.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ladderboard.worker.*}: the scoring worker inside the app (on in the one-command run, off otherwise: deploy
 * standalone workers instead) and its queue timings.
 */
@ConfigurationProperties(prefix = "ladderboard.worker")
public record WorkerProperties(boolean embedded, Integer threads, Integer leaseSeconds, Integer heartbeatMs,
                               Integer chunkSize, Integer backoffSeconds, String device, Integer batchTokens) {

    public WorkerProperties {
        threads = threads == null ? 1 : threads;
        leaseSeconds = leaseSeconds == null ? 60 : leaseSeconds;
        heartbeatMs = heartbeatMs == null ? 5_000 : heartbeatMs;
        chunkSize = chunkSize == null ? 256 : chunkSize;
        backoffSeconds = backoffSeconds == null ? 10 : backoffSeconds;
        device = device == null ? "cpu" : device;
        // batchTokens stays null unless set: the engine then uses its measured default for the device
    }
}
