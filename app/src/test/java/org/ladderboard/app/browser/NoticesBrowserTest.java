package org.ladderboard.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.notice.NoticeProducer;
import org.ladderboard.app.round.RoundService;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Notices in real Chromium: the header counts them, a notice leads to its submission, and marking read clears the count. */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoticesBrowserTest extends BrowserTest {

    @Autowired
    NoticeProducer producer;
    @Autowired
    RoundService roundService;
    @Autowired
    JdbcTemplate template;

    private long scored(Account author, String name) {
        long id = ScoredTask.create(jdbc, template, roundService.current().orElseThrow().getId(), author.getId(), name,
                "author", List.of("questions.csv"), 8);
        jdbc.sql("insert into submission_event (submission_id, status, note) values (?, 'SCORED', 'all models scored')")
                .param(id).update();
        return id;
    }

    @Test
    void theHeaderCountsNoticesWhichLeadToTheirSubmissionAndAreMarkedRead() {
        Account author = accounts.create("notices-" + UUID.randomUUID() + "@browser.example", "Notice reader", PASSWORD,
                Role.CONTESTANT);
        long first = scored(author, "First notice task");
        scored(author, "Second notice task");
        producer.produce();

        signIn(author.getEmail());
        assertThat(browser.findElement(By.cssSelector("#notices-link .badge")).getText()).isEqualTo("2");
        browser.findElement(By.id("notices-link")).click();
        wait.until(ExpectedConditions.urlToBe(url("/notices")));
        assertThat(browser.findElements(By.cssSelector("#notices li.unread"))).hasSize(2);

        browser.findElement(By.linkText("“First notice task” is scored")).click();
        wait.until(ExpectedConditions.urlToBe(url("/submissions/" + first)));
        assertThat(browser.findElement(By.cssSelector("#notices-link .badge")).getText()).isEqualTo("1");

        open("/notices");
        browser.findElement(By.cssSelector("#notices li.unread button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#notices li.unread"), 0));
        assertThat(browser.findElements(By.cssSelector("#notices-link .badge"))).isEmpty();
    }
}
