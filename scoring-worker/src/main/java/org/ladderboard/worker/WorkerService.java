package org.ladderboard.worker;

import java.io.File;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.ladderboard.checkpoint.LadderCheck;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.ladder.LadderFile;
import org.ladderboard.scoring.WorkerDefaults;
import org.ladderboard.engine.model.ComputeDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The standalone worker service ({@code java -jar ladderboard-worker.jar [work] …}): any number of them, on any
 * hosts, share the queue in PostgreSQL. A worker is configured by its own options only: each can be given on the
 * command line, in a properties file ({@code --config FILE}, keys are the option names without dashes, e.g.
 * {@code ladders=/models/ladders.yml}) or by its environment variable; the command line wins, then the file, then
 * the environment. Defaults are {@link WorkerDefaults}, the same as the in-process worker's.
 */
@Command(name = "work", mixinStandardHelpOptions = true,
        description = {"Run the scoring worker service on the queue in PostgreSQL (docs/running.md).",
                "Each option can also come from --config FILE (key = the option's name) or its environment variable."})
final class WorkerService implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);

    @Option(names = "--config", paramLabel = "FILE.properties",
            description = "a properties file of options, e.g. ladders=/models/ladders.yml (env LADDERBOARD_WORKER_CONFIG)")
    File config;

    @Option(names = "--ladders", paramLabel = "FILE", defaultValue = "${env:LADDERBOARD_LADDERS}",
            description = "the ladders file (docs/ladders.md) (env LADDERBOARD_LADDERS)")
    Path ladders;

    @Option(names = "--checkpoint-root", paramLabel = "DIR", defaultValue = "${env:LADDERBOARD_CHECKPOINT_ROOT}",
            description = "where relative checkpoint paths start (default: the ladders file's directory) (env LADDERBOARD_CHECKPOINT_ROOT)")
    Path checkpointRoot;

    @Option(names = "--database-url", paramLabel = "JDBC-URL", defaultValue = "${env:SPRING_DATASOURCE_URL}",
            description = "the queue's PostgreSQL, as the web app's (env SPRING_DATASOURCE_URL)")
    String databaseUrl;

    @Option(names = "--database-username", defaultValue = "${env:SPRING_DATASOURCE_USERNAME:-postgres}",
            description = "(env SPRING_DATASOURCE_USERNAME, default postgres)")
    String databaseUsername;

    @Option(names = "--database-password", defaultValue = "${env:SPRING_DATASOURCE_PASSWORD:-}",
            description = "(env SPRING_DATASOURCE_PASSWORD)")
    String databasePassword;

    @Option(names = "--threads", defaultValue = "${env:LADDERBOARD_WORKER_THREADS:-" + WorkerDefaults.THREADS + "}",
            description = "worker threads, each holding one model (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "${env:LADDERBOARD_WORKER_DEVICE:-" + WorkerDefaults.DEVICE + "}",
            description = "where to compute, unless a rung names its own (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--batch-tokens", paramLabel = "N",
            description = "tokens per forward batch (default: the engine's measured default for the device)")
    Integer batchTokens;

    @Option(names = "--lease-seconds", defaultValue = "" + WorkerDefaults.LEASE_SECONDS, description = "(default ${DEFAULT-VALUE})")
    int leaseSeconds;

    @Option(names = "--heartbeat-ms", defaultValue = "" + WorkerDefaults.HEARTBEAT_MS, description = "(default ${DEFAULT-VALUE})")
    int heartbeatMs;

    @Option(names = "--chunk-size", defaultValue = "" + WorkerDefaults.CHUNK_SIZE, description = "(default ${DEFAULT-VALUE})")
    int chunkSize;

    @Option(names = "--backoff-seconds", defaultValue = "" + WorkerDefaults.BACKOFF_SECONDS, description = "(default ${DEFAULT-VALUE})")
    int backoffSeconds;

    @Option(names = "--idle-poll-ms", defaultValue = "" + WorkerDefaults.IDLE_POLL_MS, description = "(default ${DEFAULT-VALUE})")
    int idlePollMs;

    @Option(names = "--stall-seconds", defaultValue = "" + WorkerDefaults.STALL_SECONDS,
            description = "a job that stores no example for this long fails as stalled (default ${DEFAULT-VALUE})")
    int stallSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (ladders == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give the ladders file: --ladders FILE, 'ladders=' in --config, or LADDERBOARD_LADDERS");
        }
        if (databaseUrl == null || databaseUrl.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give the queue's database: --database-url, 'database-url=' in --config, or SPRING_DATASOURCE_URL");
        }
        LadderFile file = LadderFile.read(ladders, checkpointRoot);
        List<LadderCheck.Problem> problems = LadderCheck.check(file);
        problems.forEach(p -> log.warn("Ladder problem: {}", p));
        if (problems.size() == file.ladders().stream().mapToInt(l -> l.rungs().size()).sum()) {
            throw new IllegalArgumentException("no usable model in " + file.file() + ": " + problems);
        }

        // refuses --device gpu on a host whose engine sees no GPU, before any job is claimed
        ComputeDevice.of(device);
        HikariDataSource db = dataSource();
        String host = InetAddress.getLocalHost().getHostName();
        List<ScoringWorker> workers = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String id = host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
            ScoringWorker.Settings settings = new ScoringWorker.Settings(id, host, leaseSeconds,
                    Duration.ofMillis(heartbeatMs), chunkSize, backoffSeconds, Duration.ofMillis(idlePollMs),
                    Duration.ofSeconds(stallSeconds));
            ScoringWorker worker = new ScoringWorker(db, file.ladders(),
                    new DjlScoringEngine(file.checkpointRoot(), device, batchTokens), settings);
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

    private HikariDataSource dataSource() {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(databaseUrl);
        hikari.setUsername(databaseUsername);
        hikari.setPassword(databasePassword);
        hikari.setMaximumPoolSize(8);
        // fail over quickly while the database restarts; the worker loop retries
        hikari.setConnectionTimeout(5_000);
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    /**
     * Reads {@code --config FILE} (or {@code LADDERBOARD_WORKER_CONFIG}) before the options are parsed, so the
     * file's values stand in for options left off the command line.
     */
    static void useConfigFile(CommandLine work, String[] args) {
        String path = System.getenv("LADDERBOARD_WORKER_CONFIG");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                path = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                path = args[i].substring("--config=".length());
            }
        }
        if (path != null && !path.isBlank()) {
            File file = new File(path);
            if (!file.isFile()) {
                throw new CommandLine.ParameterException(work, "the worker config file " + file.getAbsolutePath() + " does not exist");
            }
            work.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(file));
        }
    }
}
