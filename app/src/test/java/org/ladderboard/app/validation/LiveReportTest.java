package org.ladderboard.app.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Role;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The submit page's live check shows the report the server renders, the very fragment a rejected submit shows:
 * one renderer of the validation report. The JSON answer of {@code POST /api/validate} is unchanged.
 */
class LiveReportTest extends IntegrationTest {

    private static final Pattern REPORT = Pattern.compile("(?s)<section[^>]*id=\"report\".*?</section>");

    private static String report(String html) {
        Matcher m = REPORT.matcher(html);
        assertThat(m.find()).as("a report section in %s", html).isTrue();
        return m.group().replaceAll("\\s+", " ");
    }

    @Test
    void theLiveCheckAnswersWithTheFragmentARejectedSubmitShows() throws Exception {
        String csv = new String(classificationCsv(320), StandardCharsets.UTF_8)
                .replace("\"[' Yes', ' No']\",1\n8,", "\"[' Yes', ' No']\",5\n8,");
        MockMultipartFile file = new MockMultipartFile("file", "t.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        MockHttpServletResponse live = mvc.perform(multipart("/api/validate").file(file).param("format", "html")
                .param("taskType", "classification")).andReturn().getResponse();
        assertThat(live.getStatus()).isEqualTo(422);
        assertThat(live.getContentType()).startsWith("text/html");
        String fragment = live.getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("Not accepted").contains("class=\"findings errors\"").doesNotContain("<html");

        String page = mvc.perform(multipart("/submit").file(file).with(csrf())
                        .with(user(newAccount(Role.CONTESTANT).getEmail()).roles("CONTESTANT"))
                        .param("taskType", "classification").param("name", "Task"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report(fragment)).isEqualTo(report(page));

        MockHttpServletResponse json = mvc.perform(multipart("/api/validate").file(file).param("taskType", "classification"))
                .andReturn().getResponse();
        assertThat(json.getContentType()).startsWith("application/json");
        assertThat(json.getContentAsString()).contains("\"valid\":false");

        MockHttpServletResponse valid = mvc.perform(multipart("/api/validate").param("format", "html").param("taskType", "classification")
                .file(new MockMultipartFile("file", "ok.csv", "text/csv", classificationCsv(320)))).andReturn().getResponse();
        assertThat(valid.getStatus()).isEqualTo(200);
        assertThat(valid.getContentAsString(StandardCharsets.UTF_8)).contains("<strong>Valid</strong>");

        assertThat(mvc.perform(multipart("/api/validate").file(file).param("format", "html").param("taskType", "nonsense"))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }
}
