package org.ladderboard.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;

/** The audit page lists organizers' decisions (a winner chosen, an export started), newest first, to organizers only. */
class AuditPageTest extends IntegrationTest {

    @Test
    void organizersSeeWinnersAndExportsInTheAuditLog() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        var asOrganizer = user(organizer.getEmail()).roles("ORGANIZER");
        long round = rounds.findAll().get(0).getId();
        long scored = jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                                file_name, file_sha256, file_bytes)
                        values (?, ?, 'task', 'zero-shot', 'other', 'classification', 'SCORED', 7, 'f.csv', repeat('0', 64), 1)
                        returning id""").params(round, newAccount(Role.CONTESTANT).getId()).query(Long.class).single();
        mvc.perform(post("/organizer/rounds/" + round + "/winners").param("submission", String.valueOf(scored)).param("tier", "third")
                .with(csrf()).with(asOrganizer)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/organizer/rounds/" + round + "/exports").param("kind", "winners.csv").with(csrf()).with(asOrganizer))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/organizer/audit").with(asOrganizer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(organizer.getEmail()).contains("submission " + scored + "</td>").contains("winners.csv");
        // newest first: the export was started after the winner was chosen
        assertThat(page.indexOf("export started")).isLessThan(page.indexOf("submission " + scored + "</td>"));
        mvc.perform(get("/organizer/audit").with(user(newAccount(Role.JUDGE).getEmail()).roles("JUDGE")))
                .andExpect(status().isForbidden());
    }
}
