package org.ladderboard.app.validation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * {@code POST /api/validate} needs no account and costs seconds of CPU: so many per address, and a bound on the
 * tokenizer work one check does.
 */
@TestPropertySource(properties = {"ladderboard.limits.validate.requests=3", "ladderboard.limits.validate.per=PT10M",
        "ladderboard.upload.quick-check-budget=200000"})
class QuickCheckLimitsTest extends IntegrationTest {

    private static RequestBuilder check(byte[] csv, String address) {
        return multipart("/api/validate").file(new MockMultipartFile("file", "task.csv", "text/csv", csv))
                .param("taskType", "classification").with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    @Test
    void anAddressGetsSoManyChecksThenA429SayingWhenWhileOthersCarryOn() throws Exception {
        byte[] csv = classificationCsv(ROUND_MIN_EXAMPLES);
        for (int i = 0; i < 3; i++) {
            mvc.perform(check(csv, "203.0.113.7")).andExpect(status().isOk());
        }
        mvc.perform(check(csv, "203.0.113.7")).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error", containsString("at most 3 per 10 min")));
        mvc.perform(check(csv, "203.0.113.8")).andExpect(status().isOk());
    }

    @Test
    void aFileThatIsDearToTokenizeIsCheckedUpToTheBudgetAndSaysSo() throws Exception {
        // a few kilobytes as a zip: 2,000 rows of 2,000-character prompts with 20 classes each
        String classes = "\"[" + String.join(", ", Collections.nCopies(20, "' x'")) + "]\"";
        StringBuilder text = new StringBuilder("prompt,classes,answer_index\n");
        for (int i = 0; i < 2_000; i++) {
            text.append('"').append(i).append(' ').append("word ".repeat(400)).append("\",").append(classes).append(",0\n");
        }
        mvc.perform(check(text.toString().getBytes(StandardCharsets.UTF_8), "203.0.113.9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(2_000))
                .andExpect(jsonPath("$.warnings[?(@.code == 'extra_checks_partial')].message",
                        hasItem(containsString("of 2000 rows"))));
    }
}
