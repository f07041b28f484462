package org.ladderboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command run started from a folder that is not the checkout (as {@code cd /tmp && java -jar …} does) has
 * its models: the bundled demo ladder travels on the classpath and is unpacked under the folder's {@code ./data},
 * and the demo's two submissions are scored. Before, the ladder's relative paths resolved against the current
 * folder, the demo was silently missing and every upload failed in scoring.
 */
// a whole app with its database and worker in a child process (about a minute): the slow tier, run by `verify`
@Tag("slow")
class StartsAnywhereTest {

    private static final String PASSWORD = "demo password for the test";

    @Test
    void theOneCommandRunScoresTheDemoWhenStartedFromAnotherFolder(@TempDir Path elsewhere) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), LadderboardApplication.class.getName(),
                "--server.port=0",
                // the test classpath names the checkout's ladders file; the real jar names none
                "--ladderboard.ladders-file=",
                "--ladderboard.worker.heartbeat-ms=200")
                .directory(elsewhere.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().remove("LADDERBOARD_LADDERS");
        builder.environment().put("LADDERBOARD_DEMO_PASSWORD", PASSWORD);
        Process app = builder.start();
        List<String> log = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(log::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
            int port = Awaitility.await("the app answers").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> log.stream().map(started::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1)))
                            .findFirst(), java.util.Optional::isPresent).orElseThrow();
            assertThat(Files.isRegularFile(elsewhere.resolve("data/ladders/ladders.yml"))).isTrue();
            assertThat(Files.isRegularFile(elsewhere.resolve("data/ladders/micro/micro-1m/model.safetensors"))).isTrue();
            assertThat(log).noneMatch(line -> line.contains("Ladder problem"));
            Awaitility.await("the demo seeded").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                    .until(() -> log.stream().filter(line -> line.contains("queued for scoring")).count() == 2);
            assertThat(log).anyMatch(line -> line.contains("Demo submission 'Instructed ending (memo trap)' queued for scoring"));

            // the demo contestant's two submissions are scored on the unpacked ladder
            HttpClient http = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString(("contestant@demo:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            for (int id = 1; id <= 2; id++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/submissions/" + id))
                        .header("Authorization", basic).build();
                Awaitility.await("demo submission " + id + " scored").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).body(),
                                body -> body.contains("\"status\":\"SCORED\""));
            }
        } catch (Throwable e) {
            throw new AssertionError("the app's log:\n" + String.join("\n", log), e);
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }
}
