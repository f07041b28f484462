package org.ladderboard.app.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ladderboard.app.IntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 250 anonymous uploads to {@code /api/validate} that send their body at one byte every 2 s, from one address: they
 * used to hold every server thread, so every other request waited for as long as they lasted.
 */
@Tag("slow")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ladderboard.limits.bodies-per-address=8", "ladderboard.limits.bodies-in-all=100"})
class SlowUploadsTest extends IntegrationTest {

    private static final int SLOW_UPLOADS = 250;

    @LocalServerPort
    int port;

    @Test
    void pagesStillAnswerWhileSlowUploadsAreOpenAndUploadsPastTheCapAreRefusedAtOnce(CapturedOutput log) throws Exception {
        List<Socket> uploads = new ArrayList<>();
        ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < SLOW_UPLOADS; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                String head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.csv\"\r\n\r\nprompt";
                socket.getOutputStream().write(("POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n" + head)
                        .getBytes(StandardCharsets.US_ASCII));
                uploads.add(socket);
            }
            dribble.scheduleAtFixedRate(() -> uploads.forEach(SlowUploadsTest::oneByte), 2, 2, TimeUnit.SECONDS);

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as("the sign-in page while the slow uploads are open").isEqualTo(200);
            }

            int refused = 0;
            for (Socket socket : uploads) {
                if (statusLine(socket).contains(" 429 ")) {
                    refused++;
                }
            }
            assertThat(refused).as("uploads past the 8 an address may have open").isEqualTo(SLOW_UPLOADS - 8);
            // a refusal is the whole answer: no error page tries to read the body after it
            assertThat(log.getAll()).doesNotContain("Stream closed");
        } finally {
            dribble.shutdownNow();
            for (Socket socket : uploads) {
                socket.close();
            }
        }
    }

    private static void oneByte(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write('x');
            out.flush();
        } catch (IOException closedByServer) {
            // a refused upload's connection is closed: nothing more to send
        }
    }

    /** The response's first line, or "" for an upload still open (nothing said within a second). */
    private static String statusLine(Socket socket) throws IOException {
        socket.setSoTimeout(1_000);
        StringBuilder line = new StringBuilder();
        try {
            InputStream in = socket.getInputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
        } catch (SocketTimeoutException stillOpen) {
            return "";
        } catch (IOException reset) {
            return line.toString();
        }
        return line.toString();
    }
}
