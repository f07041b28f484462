package org.ladderboard.app.scoring;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.worker.DjlScoringEngine;
import org.ladderboard.worker.ScoringWorker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one-command run's scoring worker, inside the app on the app's database: the same worker a standalone
 * deployment runs. It lives in the standalone module, which the web code cannot import from, so no page reaches
 * the engine; the app's component scan finds it here because the package is the app's. Stopped with the app, it finishes its chunk and hands its job back.
 */
@Component
@ConditionalOnProperty(name = "ladderboard.worker.embedded", havingValue = "true")
class EmbeddedWorker implements SmartLifecycle {

    private final DataSource db;
    private final LadderRegistry ladders;
    private final WorkerProperties settings;
    private final List<ScoringWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    EmbeddedWorker(DataSource db, LadderRegistry ladders, WorkerProperties settings) {
        this.db = db;
        this.ladders = ladders;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (ladders.file().isEmpty()) {
            return;
        }
        String host = hostName();
        for (int i = 0; i < settings.threads(); i++) {
            String id = host + ":" + ProcessHandle.current().pid() + ":embedded-" + UUID.randomUUID().toString().substring(0, 8);
            ScoringWorker worker = new ScoringWorker(db, ladders.all(),
                    new DjlScoringEngine(ladders.file().orElseThrow().checkpointRoot(), settings.device(),
                            settings.batchTokens() == null ? Scorer.DEFAULT_TOKEN_BUDGET : settings.batchTokens()),
                    new ScoringWorker.Settings(id, host, settings.leaseSeconds(), Duration.ofMillis(settings.heartbeatMs()),
                            settings.chunkSize(), settings.backoffSeconds(), Duration.ofMillis(settings.idlePollMs())));
            Thread thread = new Thread(worker, "embedded-scoring-worker-" + i);
            thread.setDaemon(true);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public void stop() {
        workers.forEach(ScoringWorker::stop);
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return !threads.isEmpty();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
