package org.ladderboard.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one-command run's database: when no {@code spring.datasource.url} is given, starts a real PostgreSQL whose data
 * lives under {@code ./data/postgres} (so it survives restarts and a {@code kill -9}), points the app at it and turns
 * on the demo data and the in-process scoring worker. Production sets {@code SPRING_DATASOURCE_URL} and never reaches this.
 * <p>
 * The database is the app's alone: the superuser can run programs on the machine ({@code COPY … TO PROGRAM}), so it
 * takes connections only with a password generated at the first start (in {@code data/postgres.password}, readable by
 * its owner only), only from this machine (loopback), and its socket lies in a directory only the owner can enter.
 */
public class EmbeddedPostgresStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStarter.class);
    private static final String SUPERUSER = "postgres";
    private static final Set<PosixFilePermission> OWNER_ONLY = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    /** Every way in asks for the password; nothing but this machine can reach the server at all. */
    private static final String PASSWORD_ONLY_HBA = """
            # Written by Ladderboard at every start: the embedded database takes connections with its password only
            # (see postgres.password beside this directory), over its private socket or the loopback address.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static EmbeddedPostgres running;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        boolean wanted = env.getProperty("ladderboard.database.embedded", Boolean.class, true);
        if (env.containsProperty("spring.datasource.url") || !wanted) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("ladderboard.database.embedded-dir", "data/postgres")).toAbsolutePath();
        String url = start(dataDir);
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", SUPERUSER,
                "spring.datasource.password", readPassword(dataDir),
                "ladderboard.demo.enabled", env.getProperty("ladderboard.demo.enabled", "true"),
                "ladderboard.worker.embedded", env.getProperty("ladderboard.worker.embedded", "true"))));
    }

    private static synchronized String start(Path dataDir) {
        if (running == null) {
            running = startIn(dataDir);
            // stop the database only after the application context (and its scoring worker) has closed
            EmbeddedPostgres database = running;
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    database.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
                }
            });
        }
        return running.getJdbcUrl(SUPERUSER, SUPERUSER);
    }

    /** Where the database password is kept: beside the data directory, so under {@code ./data} too. */
    static Path passwordFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    static String password(Path dataDir) throws IOException {
        return Files.readString(passwordFile(dataDir), StandardCharsets.US_ASCII).trim();
    }

    /**
     * Starts PostgreSQL on the data in {@code dataDir} (created on first use), first stopping any orphan on it. A data
     * directory from a version that trusted every local connection is given the password on the way.
     */
    static EmbeddedPostgres startIn(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            // nothing under the app's data folder is for other local users: not the data, the password, or the programs
            Files.setPosixFilePermissions(dataDir.getParent(), OWNER_ONLY);
            OrphanedPostmaster.stopIfAny(dataDir);
            boolean earlierVersion = Files.exists(dataDir.resolve("postgresql.conf")) && !Files.exists(passwordFile(dataDir));
            String password = earlierVersion ? newPassword() : readOrCreatePassword(dataDir);
            // a fresh directory per start: a socket path must stay short, and only this user may enter it
            Path socketDir = Files.createTempDirectory("ladderboard-pg-", OWNER_ONLY_DIR);
            socketDir.toFile().deleteOnExit();
            // the server's programs are unpacked beside the data, owner-only: the library's default is a shared,
            // world-writable temporary folder, where another local user could swap them before the next start
            Path binaries = dataDir.resolveSibling("postgres-binaries");
            if (!Files.isDirectory(binaries)) {
                Files.createDirectory(binaries, OWNER_ONLY_DIR);
            }
            log.info("Starting embedded PostgreSQL with data in {}", dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", socketDir.toString())
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // the library turns these off for speed, which a power cut repays with lost commits or a corrupt
                    // database; a contest's acknowledged uploads and scores must survive one, and scores are written
                    // in batches, so the flush per commit costs little
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // read by initdb only, when the directory is new: the superuser gets the password from the start
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile(dataDir).toString())
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(dir -> {
                        if (!earlierVersion) {
                            writeHba(dir.toPath());
                        }
                    })
                    .start();
            // the library opens its unpacking folder to everyone when it extracts; close it again
            Files.setPosixFilePermissions(binaries, OWNER_ONLY);
            if (earlierVersion) {
                migrate(postgres, dataDir, password);
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * A directory from an earlier version trusts every local connection and its superuser has no password: set one,
     * then require it. Until the reload (well under a second, once) the server still trusts loopback connections, as
     * it always had; its socket is already private.
     */
    private static void migrate(EmbeddedPostgres postgres, Path dataDir, String password) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password '" + password.replace("'", "''") + "'");
            writePasswordFile(passwordFile(dataDir), password);
            writeHba(dataDir);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the password of the embedded PostgreSQL in " + dataDir, e);
        }
        log.info("The embedded PostgreSQL in {} now takes connections with the password in {} only",
                dataDir, passwordFile(dataDir));
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), PASSWORD_ONLY_HBA, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + dataDir.resolve("pg_hba.conf"), e);
        }
    }

    private static String readOrCreatePassword(Path dataDir) throws IOException {
        Path file = passwordFile(dataDir);
        if (!Files.exists(file)) {
            try {
                writePasswordFile(file, newPassword());
            } catch (FileAlreadyExistsException raced) {
                // another start wrote it first: use that one
            }
        }
        return password(dataDir);
    }

    private static String readPassword(Path dataDir) {
        try {
            return password(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + passwordFile(dataDir), e);
        }
    }

    /** Created owner-only from the first byte: no moment when another user could read it. */
    private static void writePasswordFile(Path file, String password) throws IOException {
        Files.createFile(file, OWNER_ONLY_FILE);
        Files.writeString(file, password + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
