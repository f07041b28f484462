package org.ladderboard.app;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.ladderboard.app.account.Account;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that need submissions really scored: the app with its embedded worker on the micro ladder. All
 * of them share these settings, so they share one application context and one worker.
 */
@SpringBootTest(properties = {"ladderboard.worker.embedded=true", "ladderboard.worker.heartbeat-ms=200",
        "ladderboard.worker.lease-seconds=5", "ladderboard.worker.chunk-size=20"})
public abstract class EmbeddedWorkerTest extends IntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    /** Uploads a classification CSV through the API as {@code who}; the new submission's id. */
    protected long submit(Account who, byte[] csv) throws Exception {
        String body = mvc.perform(multipart("/api/submissions").file(new MockMultipartFile("file", "probe.csv", "text/csv", csv))
                        .param("taskType", "classification").param("name", "Probe").with(httpBasic(who.getEmail(), PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asLong();
    }

    protected JsonNode results(Account who, long id) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/submissions/" + id + "/results").with(httpBasic(who.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Waits until the worker has moved the submission to {@code wanted}; its results then. */
    protected JsonNode awaitStatus(Account who, long id, String wanted) throws Exception {
        return Awaitility.await("submission " + id + " " + wanted).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> results(who, id), results -> results.get("status").asString().equals(wanted));
    }

    /** A streamed download (answered asynchronously), as text. */
    protected String download(String path, RequestPostProcessor who) throws Exception {
        MvcResult started = mvc.perform(get(path).with(who)).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
