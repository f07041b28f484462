package org.ladderboard.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.RoundService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Judging's promises in real Chromium: a refused review keeps its input and lands on its problems; a judge's pages
 * never name the author; the example explorer's filters and pages work; a contestant follows every link of a
 * revealed leaderboard without a "Not found".
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JudgingBrowserTest extends BrowserTest {

    private static final Pattern OTHER_SUBMISSION = Pattern.compile("/(submissions|judging|tasks)/(\\d+)");

    @Autowired
    RoundService roundService;
    @Autowired
    JdbcTemplate template;

    private record Task(Account author, long id, String slug) {
    }

    /** A scored task of two parts in the open round whose author's name is in every file name. */
    private Task task(String name) {
        String surname = "Vexmoor" + UUID.randomUUID().toString().substring(0, 6);
        Account author = accounts.create(surname.toLowerCase(Locale.ROOT) + "@test.example", "Ilse " + surname, PASSWORD,
                Role.CONTESTANT);
        String slug = "ilse-" + surname.toLowerCase(Locale.ROOT);
        long id = ScoredTask.create(jdbc, template, roundService.current().orElseThrow().getId(), author.getId(), name, slug,
                List.of(slug + "-one.csv", slug + "-two.csv"), 60);
        return new Task(author, id, slug);
    }

    @Test
    void aRefusedReviewKeepsEverythingTypedAndLandsOnItsProblems() {
        Task task = task("Browser kept input");
        signIn(newAccount(Role.JUDGE).getEmail());
        open("/judging");
        browser.findElement(By.cssSelector("a[href='/judging/" + task.id() + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-form")));
        browser.findElement(By.id("strength-5")).click();
        browser.findElement(By.id("coverage-2")).click();
        type("strengthNote", "the 1m model loses 0.4 nats");
        type("importanceNote", "tutoring apps");
        new Select(browser.findElement(By.id("verdictOverride"))).selectByValue("flat");
        browser.findElement(By.id("save-review")).click();

        WebElement problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-errors")));
        assertThat(problems.getText()).contains("give a reason for overriding the verdict")
                .contains("score generality from 1 to 5");
        assertThat(browser.getCurrentUrl()).endsWith("/judging/" + task.id() + "#your-review");
        // where the page lands: the problems are on screen without scrolling
        Object top = browser.executeScript("return arguments[0].getBoundingClientRect().top;", problems);
        Object height = browser.executeScript("return window.innerHeight;");
        assertThat(((Number) top).doubleValue()).isBetween(0.0, ((Number) height).doubleValue() - 50);
        assertThat(((Number) browser.executeScript("return window.scrollY;")).doubleValue()).isPositive();
        // beside the fields
        assertThat(browser.findElement(By.id("overrideReason-error")).getText()).isEqualTo("give a reason for overriding the verdict");
        assertThat(browser.findElement(By.id("generality-error")).isDisplayed()).isTrue();
        // nothing typed is lost
        assertThat(browser.findElement(By.id("strength-5")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("coverage-2")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("strengthNote")).getAttribute("value")).isEqualTo("the 1m model loses 0.4 nats");
        assertThat(browser.findElement(By.id("importanceNote")).getAttribute("value")).isEqualTo("tutoring apps");
        assertThat(new Select(browser.findElement(By.id("verdictOverride"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("flat");

        // fixing only what was listed saves it
        for (String criterion : List.of("generality", "importance", "novelty", "reproducibility")) {
            browser.findElement(By.id(criterion + "-3")).click();
        }
        type("overrideReason", "the drop is within noise");
        browser.findElement(By.id("save-review")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "review of submission " + task.id() + " saved"));
        assertThat(jdbc.sql("select strength || ' ' || coverage || ' ' || (notes->>'strength') from review where submission_id = ?")
                .param(task.id()).query(String.class).single()).isEqualTo("5 2 the 1m model loses 0.4 nats");
    }

    @Test
    void aJudgesPagesNeverShowTheAuthorsNameOrEmail() {
        Task task = task("Browser blind");
        jdbc.sql("insert into submission_event (submission_id, status, note) values (?, 'CANCELLED', ?)")
                .params(task.id(), "cancelled by " + task.author().getEmail()).update();
        List<String> secrets = List.of(task.slug(), task.author().getEmail().toLowerCase(Locale.ROOT),
                task.author().getDisplayName().toLowerCase(Locale.ROOT));
        signIn(newAccount(Role.JUDGE).getEmail());

        Deque<String> toVisit = new ArrayDeque<>(List.of("/judging", "/leaderboard"));
        Set<String> seen = new LinkedHashSet<>(toVisit);
        List<String> leaks = new ArrayList<>();
        while (!toVisit.isEmpty() && seen.size() < 60) {
            String path = toVisit.poll();
            open(path);
            String source = browser.getPageSource().toLowerCase(Locale.ROOT);
            secrets.stream().filter(source::contains).forEach(s -> leaks.add(path + " shows " + s));
            for (WebElement a : browser.findElements(By.cssSelector("a[href]"))) {
                String href = a.getAttribute("href");
                if (href == null || !href.startsWith(url("/")) || href.contains("#")) {
                    continue;
                }
                String link = href.substring(url("").length());
                Matcher other = OTHER_SUBMISSION.matcher(link);
                boolean elsewhere = other.find() && Long.parseLong(other.group(2)) != task.id();
                boolean download = link.endsWith(".png") || link.endsWith(".svg") || link.endsWith(".jsonl") || link.startsWith("/v3/");
                if (!elsewhere && !download && !link.contains("sort=") && seen.add(link)) {
                    toVisit.add(link);
                }
            }
        }
        assertThat(seen).contains("/judging/" + task.id(), "/submissions/" + task.id(), "/submissions/" + task.id() + "/examples",
                "/tasks/" + task.id());
        assertThat(leaks).isEmpty();
        open("/submissions/" + task.id());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Part 1").contains("Part 2");
    }

    @Test
    void theExplorerPagesSearchesAndFilters() {
        Task task = task("Browser explorer"); // 120 examples in two parts of 60
        signIn(newAccount(Role.JUDGE).getEmail());
        open("/submissions/" + task.id());
        browser.findElement(By.id("explore-examples")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("explorer-filters")));
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("Examples 1–50 of 120");
        assertThat(browser.findElements(By.cssSelector("article.example"))).hasSize(50);
        browser.findElement(By.id("next-page")).click();
        wait.until(ExpectedConditions.textToBe(By.id("shown"), "Examples 51–100 of 120"));

        new Select(browser.findElement(By.id("filter"))).selectByValue("worse");
        new Select(browser.findElement(By.id("part"))).selectByVisibleText("Part 2");
        browser.findElement(By.id("apply-filters")).click();
        wait.until(ExpectedConditions.textToBe(By.id("shown"), "Examples 1–15 of 15"));
        List<WebElement> examples = browser.findElements(By.cssSelector("article.example"));
        assertThat(examples).hasSize(15);
        assertThat(examples.get(0).findElement(By.tagName("h2")).getText()).isEqualTo("Part 2 · row 1");
        // each model's option probabilities, smallest model first: right at the small end, wrong at the large end
        List<WebElement> answerRow = examples.get(0).findElements(By.cssSelector("tr.answer td"));
        assertThat(answerRow).hasSize(1 + ScoredTask.MODELS.size());
        assertThat(answerRow.get(1).getText()).isEqualTo("83.2 %");
        assertThat(answerRow.get(4).getText()).isEqualTo("16.8 %");

        type("q", "question 64 about");
        browser.findElement(By.id("apply-filters")).click();
        wait.until(ExpectedConditions.textToBe(By.id("shown"), "Examples 1–1 of 1"));
        new Select(browser.findElement(By.id("filter"))).selectByValue("right");
        browser.findElement(By.id("apply-filters")).click();
        wait.until(ExpectedConditions.textToBe(By.id("shown"), "No example matches."));
        assertThat(browser.getPageSource()).doesNotContain(task.slug());
    }

    @Test
    void aContestantFollowsEveryLinkOfARevealedLeaderboardWithoutANotFound() {
        Task first = task("Browser card one");
        Task second = task("Browser card two");
        Account contestant = newAccount(Role.CONTESTANT);
        long round = roundService.current().orElseThrow().getId();
        jdbc.sql("update round set leaderboard_revealed = true where id = ?").param(round).update();
        try {
            signIn(contestant.getEmail());
            open("/leaderboard");
            List<String> links = browser.findElements(By.cssSelector("#leaderboard tbody a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(links).contains(url("/tasks/" + first.id()), url("/tasks/" + second.id()));
            for (String link : links) {
                browser.get(link);
                assertThat(browser.getTitle()).as(link).doesNotContain("Not found").doesNotContain("Error");
                assertThat(browser.findElements(By.id("task-name"))).as(link).hasSize(1);
            }
            open("/leaderboard");
            browser.findElement(By.linkText("Browser card one")).click();
            wait.until(ExpectedConditions.urlToBe(url("/tasks/" + first.id())));
            assertThat(browser.findElement(By.id("scaling")).getText()).contains("micro");
            assertThat(browser.getPageSource()).doesNotContain(first.author().getEmail()).doesNotContain(first.slug())
                    .doesNotContain("Question 3 about");

            // made public: a visitor who is not signed in follows the same links
            jdbc.sql("update round set leaderboard_public = true where id = ?").param(round).update();
            browser.manage().deleteAllCookies();
            open("/");
            browser.findElement(By.linkText("Leaderboard")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("leaderboard")));
            browser.findElement(By.linkText("Browser card two")).click();
            wait.until(ExpectedConditions.urlToBe(url("/tasks/" + second.id())));
            assertThat(browser.findElement(By.id("task-name")).getText()).isEqualTo("Browser card two");
        } finally {
            jdbc.sql("update round set leaderboard_revealed = false, leaderboard_public = false where id = ?").param(round).update();
        }
    }
}
