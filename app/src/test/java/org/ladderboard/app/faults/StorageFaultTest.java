package org.ladderboard.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.AccountService;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Storage failing under an upload: the database restarting while 20,000-row files arrive, and its disk filling up.
 * Each upload is stored whole or not at all, and a refused one says why. These tests own their PostgreSQL (they stop
 * it and fill its disk), so it is always an embedded one; when the machine lets us mount a tmpfs (root on Linux) the
 * database lives on a small one, which is what makes "disk full" real.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageFaultTest {

    private static final String PASSWORD = "correct horse battery";
    private static final int ROWS = 20_000;

    private static Path disk;
    private static boolean tmpfs;
    private static Path dataDir;
    private static int port;
    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        disk = Files.createTempDirectory("fault-disk");
        tmpfs = mountTmpfs(disk, "768m");
        dataDir = disk.resolve("pg");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
        port = postgres.getPort();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        // fail fast while the database is away instead of queueing requests for 30 s
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    }

    @AfterAll
    static void unmount() throws Exception {
        postgres.close();
        if (tmpfs) {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    RoundRepository rounds;
    @Autowired
    JdbcClient jdbc;

    private Account contestant;

    @BeforeEach
    void roundAndContestant() {
        if (rounds.count() == 0) {
            Round round = new Round("Fault round", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
            round.setDailyLimit(1000);
            round.setFailedDailyLimit(1000);
            round.setLadders(Set.of("micro"));
            rounds.save(round);
        }
        contestant = accounts.createIfAbsent("fault@test.example", "Fault", PASSWORD, Role.CONTESTANT);
    }

    private MockHttpServletResponse upload(byte[] csv) throws Exception {
        return mvc.perform(multipart("/api/submissions").file(new MockMultipartFile("file", "big.csv", "text/csv", csv))
                        .param("name", "Big").param("taskType", "classification").with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andReturn().getResponse();
    }

    @Test
    @Order(1)
    void uploadsDuringADatabaseRestartAreStoredWholeOrRefusedClearly() throws Exception {
        byte[] csv = classificationCsv(ROWS);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> refusals = new ArrayList<>();
        // the restart hits while an upload's rows are being written, the moment that could leave half a submission
        Thread restarter = new Thread(() -> {
            try {
                awaitInsertInFlight();
                postgres.close();
                // the database stays down for three seconds: uploads meanwhile must be refused, not half-stored
                Awaitility.await("the database is down").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> !accepting(port));
                postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        restarter.start();
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        boolean storedAfterRestart = false;
        while (!storedAfterRestart && Instant.now().isBefore(until)) {
            MockHttpServletResponse response = upload(csv);
            statuses.merge(response.getStatus(), 1, Integer::sum);
            assertThat(response.getStatus()).as(response.getContentAsString()).isIn(201, 503);
            if (response.getStatus() == 503) {
                refusals.add(response.getContentAsString());
                assertThat(response.getHeader("Retry-After")).isEqualTo("60");
            }
            storedAfterRestart = response.getStatus() == 201 && !restarter.isAlive();
        }
        restarter.join();
        System.out.println("uploads during a database restart: " + statuses);
        assertThat(storedAfterRestart).as("an upload succeeds once the database is back").isTrue();
        assertThat(statuses).containsKey(503);
        assertThat(refusals).allSatisfy(body -> assertThat(body).contains("Nothing from this request was stored"));
        assertEveryStoredSubmissionIsWhole(statuses.get(201));
    }

    @Test
    @Order(2)
    void aFullDiskRefusesTheUploadClearlyAndStoresNothing() throws Exception {
        assumeTrue(tmpfs, "needs a mountable tmpfs (root on Linux) to fill a disk for real");
        long submissionsBefore = count("submission");
        long examplesBefore = count("example");
        Path filler = disk.resolve("filler");
        long free = Files.getFileStore(disk).getUsableSpace();
        Process fill = new ProcessBuilder("fallocate", "-l", Long.toString(free - 1024 * 1024), filler.toString()).inheritIO().start();
        assertThat(fill.waitFor()).isZero();
        try {
            MockHttpServletResponse refused = upload(classificationCsv(ROWS));
            System.out.println("upload on a full disk: " + refused.getStatus() + " " + refused.getContentAsString());
            assertThat(refused.getStatus()).isIn(503, 507);
            assertThat(refused.getContentAsString()).contains("Nothing from this request was stored");
        } finally {
            Files.delete(filler);
        }
        // room again: the next upload is stored, and the refused one left nothing behind
        Awaitility.await("an upload stored once there is room").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> upload(classificationCsv(ROWS)).getStatus() == 201);
        assertThat(count("submission")).isEqualTo(submissionsBefore + 1);
        assertThat(count("example")).isEqualTo(examplesBefore + ROWS);
        assertEveryStoredSubmissionIsWhole(null);
    }

    private static void awaitInsertInFlight() throws Exception {
        try (java.sql.Connection watcher = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
            Awaitility.await("an upload's rows being written").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        try (var rs = watcher.createStatement().executeQuery(
                                "select count(*) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and query like '%insert into example (%'")) {
                            rs.next();
                            return rs.getLong(1) > 0;
                        }
                    });
        }
    }

    private static boolean accepting(int port) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void assertEveryStoredSubmissionIsWhole(Integer expectedCount) {
        if (expectedCount != null) {
            assertThat(count("submission")).isEqualTo(expectedCount.longValue());
        }
        assertThat(jdbc.sql("""
                select count(*) from submission s where s.example_count <> (select count(*) from example e where e.submission_id = s.id)
                   or not exists (select 1 from submission_part p where p.submission_id = s.id)
                   or not exists (select 1 from scoring_job j where j.submission_id = s.id)""").query(Long.class).single())
                .as("submissions with missing examples, parts or jobs").isZero();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static boolean mountTmpfs(Path dir, String size) {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return false;
        }
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            return mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static byte[] classificationCsv(int n) {
        return org.ladderboard.app.IntegrationTest.classificationCsv(n);
    }
}
