package org.ladderboard.worker;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.ladder.Ladder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone worker service ({@code java -jar ladderboard-worker.jar [work] …}): any number of them, on any
 * hosts, share the queue in PostgreSQL. Options: {@code --ladders FILE} (default: {@code LADDERBOARD_LADDERS} or
 * the app's {@code application.yml}), {@code --threads N}, {@code --device cpu|gpu}, {@code --checkpoint-root DIR},
 * and the queue timings {@code --lease-seconds}, {@code --heartbeat-ms}, {@code --chunk-size}, {@code --backoff-seconds}.
 * The database is {@code SPRING_DATASOURCE_URL/USERNAME/PASSWORD}, or, on the one-command run's machine, the
 * embedded database under {@code ./data/postgres}.
 */
final class WorkerService {

    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);

    private WorkerService() {
    }

    static int run(CommandLine args) throws Exception {
        Path ladderFile = Path.of(args.options().getOrDefault("ladders",
                System.getenv().getOrDefault("LADDERBOARD_LADDERS", "app/src/main/resources/application.yml")));
        List<Ladder> ladders = LadderFile.read(ladderFile);
        Path root = Path.of(args.options().getOrDefault("checkpoint-root", "."));
        List<LadderCheck.Problem> problems = LadderCheck.check(ladders, root);
        problems.forEach(p -> log.warn("Ladder problem: {}", p));
        if (problems.size() == ladders.stream().mapToInt(l -> l.rungs().size()).sum()) {
            throw new IllegalStateException("no usable model in " + ladderFile + ": " + problems);
        }

        HikariDataSource db = dataSource();
        String host = InetAddress.getLocalHost().getHostName();
        int threads = args.integer("threads", 1);
        List<ScoringWorker> workers = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String id = host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
            ScoringWorker.Settings settings = new ScoringWorker.Settings(id, host, args.integer("lease-seconds", 60),
                    Duration.ofMillis(args.integer("heartbeat-ms", 10_000)), args.integer("chunk-size", 256),
                    args.integer("backoff-seconds", 10), Duration.ofMillis(args.integer("idle-poll-ms", 2_000)));
            ScoringWorker worker = new ScoringWorker(db, ladders,
                    new DjlScoringEngine(root, args.options().getOrDefault("device", "cpu"),
                            args.integer("batch-tokens", Scorer.DEFAULT_TOKEN_BUDGET)), settings);
            workers.add(worker);
            Thread thread = new Thread(worker, "scoring-worker-" + i);
            running.add(thread);
            thread.start();
        }
        // SIGTERM / Ctrl-C: finish the current chunk, hand jobs back, then exit
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            workers.forEach(ScoringWorker::stop);
            for (Thread t : running) {
                try {
                    t.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            db.close();
        }));
        for (Thread t : running) {
            t.join();
        }
        return 0;
    }

    private static HikariDataSource dataSource() throws Exception {
        HikariConfig config = new HikariConfig();
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            url = embeddedUrl();
            config.setUsername("postgres");
            config.setPassword(embeddedPassword());
        } else {
            config.setUsername(System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"));
            config.setPassword(System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
        }
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        // fail over quickly while the database restarts; the worker loop retries
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * The one-command run's database password, which the app generates beside its data directory (see the app's
     * EmbeddedPostgresStarter): readable only by the user the app runs as, so a worker joins as that user.
     */
    private static String embeddedPassword() throws Exception {
        Path file = Path.of("data", "postgres.password");
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": run the worker as the user the app "
                    + "runs as, or set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
        }
        return Files.readString(file).trim();
    }

    /** The one-command run's database: its port is on the fourth line of the data directory's postmaster.pid. */
    private static String embeddedUrl() throws Exception {
        Path pid = Path.of("data", "postgres", "postmaster.pid");
        if (!Files.exists(pid)) {
            throw new IllegalStateException("set SPRING_DATASOURCE_URL (no embedded database is running under ./data)");
        }
        String port = Files.readAllLines(pid).get(3).trim();
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }
}
