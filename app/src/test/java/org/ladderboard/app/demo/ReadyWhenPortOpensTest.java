package org.ladderboard.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ladderboard.app.LadderboardApplication;
import org.ladderboard.app.database.EmbeddedPostgresStarter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command run as a new user meets it: the moment its port takes connections, the demo accounts can sign in.
 * (They used to be created after the server opened, so a sign-in in that gap failed.)
 */
class ReadyWhenPortOpensTest {

    private static final String PASSWORD = "demo password for the test";

    @Test
    void theDemoAccountsSignInTheMomentThePortOpens(@TempDir Path dir) throws Exception {
        List<Integer> firstAnswers = new ArrayList<>();
        SpringApplication app = new SpringApplication(LadderboardApplication.class);
        app.addListeners(new EmbeddedPostgresStarter());
        // runs on the thread that opened the port, before anything else can happen
        app.addListeners((ApplicationListener<WebServerInitializedEvent>) opened ->
                firstAnswers.add(signIn(opened.getWebServer().getPort())));
        Path data = dir.resolve("data/postgres");
        try (ConfigurableApplicationContext context = app.run(
                "--server.port=0",
                "--ladderboard.database.embedded-dir=" + data,
                "--ladderboard.demo.password=" + PASSWORD,
                "--ladderboard.worker.embedded=false")) {
            assertThat(firstAnswers).as("HTTP status of the organizer's first sign-in").containsExactly(200);
        } finally {
            stopDatabase(data);
        }
    }

    /** The app stops its database only when the JVM exits; this one's data directory is deleted after the test. */
    private static void stopDatabase(Path data) throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                postmaster.destroy();
                postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
    }

    private static int signIn(int port) {
        String basic = Base64.getEncoder().encodeToString(("organizer@demo:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/submissions"))
                            .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("the open port did not answer", e);
        }
    }
}
