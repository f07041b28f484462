package org.ladderboard.app.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.Round;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** A JSON body that cannot be read is answered with the field and what is wrong with it, not the parser's text. */
class UnreadableJsonTest extends IntegrationTest {

    private String error(MockHttpServletRequestBuilder request, Account organizer, String body) throws Exception {
        String answer = mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        String error = JsonMapper.builder().build().readTree(answer).get("error").asString();
        assertThat(error).doesNotContain("Numeric value").doesNotContain("`").doesNotContain("REDACTED")
                .doesNotContain("StreamReadFeature").doesNotContain("tools.jackson").doesNotContain("java.");
        return error;
    }

    @Test
    void eachUnreadableBodySaysWhatIsWrongWhere() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        Round round = new Round("JSON round " + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(100)),
                Instant.now().plus(Duration.ofDays(130)));
        round.setLadders(Set.of("micro"));
        round = rounds.save(round);
        String fewShot = "/api/rounds/" + round.getId() + "/few-shot";

        assertThat(error(put(fewShot), organizer, "{\"shots\":[0,1000000000000]}"))
                .isEqualTo("the request body could not be read: “shots[1]”: the number is out of range (line 1, column 26)");
        assertThat(error(put(fewShot), organizer, "{\"shots\":[0,1],\"seed\":7"))
                .startsWith("the request body could not be read: the JSON ends before it is complete");
        assertThat(error(put(fewShot), organizer, "{\"shots\":\"0, 1\"}"))
                .contains("“shots”: should be a list");
        assertThat(error(put(fewShot), organizer, "{\"shots\":[0, 1]]")).contains("not valid JSON (line 1, column");
        assertThat(error(patch("/api/rounds/" + round.getId()), organizer, "{\"minExamples\":\"many\"}"))
                .contains("“minExamples”: “many” is not a whole number");
    }
}
