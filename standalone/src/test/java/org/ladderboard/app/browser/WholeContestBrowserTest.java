package org.ladderboard.app.browser;

import java.time.Duration;
import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.submission.SubmissionForm;
import org.ladderboard.app.submission.SubmissionService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole contest in real Chromium, across roles: a contestant registers, uploads a file with a mistake, fixes it
 * and submits; the embedded worker scores it while the contestant watches; a judge opens it from the review queue,
 * sees the chart and the verdict, scores the rubric and overrides the verdict; an organizer reveals the leaderboard,
 * makes the task the grand prize and downloads the release bundle; the contestant then finds it on the leaderboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ladderboard.worker.embedded=true",
        "ladderboard.worker.heartbeat-ms=200", "ladderboard.worker.chunk-size=50"})
class WholeContestBrowserTest extends BrowserTest {

    @Autowired
    SubmissionService submissions;

    /** Registers in the browser and submits the probe after fixing a first upload with a wrong answer index. */
    private long contestantRegistersFixesAndSubmits(String email, String taskName) throws Exception {
        browser.manage().deleteAllCookies();
        register(email, "Whole-story contestant");
        type("password", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Submit"))).click();
        wait.until(ExpectedConditions.urlContains("/submit"));
        new Select(browser.findElement(By.id("taskType"))).selectByValue("classification");
        new Select(browser.findElement(By.id("cause"))).selectByValue("strong_prior");
        type("name", taskName);

        String probe = Files.readString(Path.of("..", "ladders", "probes", "instructed-ending.csv"), StandardCharsets.UTF_8);
        String[] lines = probe.split("\n", -1);
        // the last field of the second line is the answer index: make it point past the two classes
        String broken = probe.replaceFirst(java.util.regex.Pattern.quote(lines[1]),
                java.util.regex.Matcher.quoteReplacement(lines[1].substring(0, lines[1].lastIndexOf(',') + 1) + "7"));
        Path brokenFile = Files.createTempDirectory("story").resolve("instructed-ending.csv");
        Files.writeString(brokenFile, broken, StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(brokenFile.toAbsolutePath().toString());
        WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report .findings.errors")));
        assertThat(report.getText()).contains("answer_index is 7");

        Path fixed = Files.createTempDirectory("story").resolve("instructed-ending.csv");
        Files.writeString(fixed, probe, StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(fixed.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary"), "Valid"));
        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.urlContains("/submissions/"));
        String url = browser.getCurrentUrl();
        long id = Long.parseLong(url.replaceAll(".*/submissions/(\\d+).*", "$1"));

        // the contestant watches the worker score it
        Awaitility.await("scored in time").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.navigate().refresh();
                    return browser.findElement(By.id("status")).getText().equals("scored");
                });
        assertThat(browser.findElement(By.id("scaling")).findElements(By.cssSelector("svg circle"))).hasSize(8);
        Browser.screenshot(browser, "story-scored");
        return id;
    }

    @Test
    void aContestFromRegistrationToTheReleasedWinner() throws Exception {
        String contestantEmail = "story-" + System.nanoTime() + "@test.example";
        SubmissionForm form = new SubmissionForm();
        form.setName("Browser memo trap " + System.nanoTime());
        long id = contestantRegistersFixesAndSubmits(contestantEmail, form.getName());

        signIn(newAccount(Role.JUDGE).getEmail());
        browser.findElement(By.linkText("Judging")).click();
        browser.findElement(By.linkText(form.getName())).click();
        WebElement scaling = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scaling")));
        assertThat(scaling.findElements(By.cssSelector("svg circle"))).hasSize(8);
        assertThat(scaling.getText()).contains("Inverse scaling").contains("permutation test");
        assertThat(browser.getPageSource()).doesNotContain(contestantEmail);
        Browser.screenshot(browser, "judge-review");
        for (String criterion : List.of("strength", "generality", "importance", "novelty", "coverage", "reproducibility")) {
            browser.findElement(By.cssSelector("input[name=" + criterion + "][value='4']")).click();
        }
        browser.findElement(By.id("strengthNote")).sendKeys("monotonic on loss and accuracy");
        new Select(browser.findElement(By.id("verdictOverride"))).selectByValue("inconclusive");
        browser.findElement(By.id("overrideReason")).sendKeys("only one ladder so far");
        browser.findElement(By.id("save-review")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "review of submission " + id + " saved"));
        assertThat(jdbc.sql("select verdict_override || ': ' || override_reason from review where submission_id = ?").param(id)
                .query(String.class).single()).isEqualTo("inconclusive: only one ladder so far");

        signIn(newAccount(Role.ORGANIZER).getEmail());
        open("/leaderboard");
        browser.findElement(By.id("reveal")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reveal"), "Hide from contestants"));
        new Select(browser.findElement(By.id("tier-" + id))).selectByValue("grand");
        browser.findElement(By.id("set-tier-" + id)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("release")));
        assertThat(new Select(browser.findElement(By.id("tier-" + id))).getFirstSelectedOption().getText()).isEqualTo("grand");
        String release = browser.findElement(By.id("release")).getAttribute("href");

        // the bundle, downloaded with the browser's own session
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(release))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).anyMatch(n -> n.startsWith("grand-" + id + "-") && n.endsWith("/data/instructed-ending.csv"))
                .anyMatch(n -> n.endsWith("/datasheet.md")).anyMatch(n -> n.endsWith("/labelled_data.jsonl"));

        // revealed: the contestant finds the task on the leaderboard
        try {
            signIn(contestantEmail);
            open("/leaderboard");
            assertThat(browser.findElements(By.id("hidden"))).isEmpty();
            assertThat(browser.findElement(By.id("leaderboard")).getText()).contains(form.getName());
            Browser.screenshot(browser, "story-leaderboard");
        } finally {
            // the other tests share this round and expect its leaderboard hidden
            jdbc.sql("update round set leaderboard_revealed = false").update();
        }
    }
}
