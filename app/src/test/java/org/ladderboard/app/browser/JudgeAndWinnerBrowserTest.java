package org.ladderboard.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.submission.SubmissionForm;
import org.ladderboard.app.submission.SubmissionService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real Chromium, on a submission the embedded worker scored: a judge opens it from the review queue, sees the
 * chart and the verdict, scores the rubric and overrides the verdict; an organizer makes it the grand prize and
 * downloads the release bundle with the browser's session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ladderboard.worker.embedded=true",
        "ladderboard.worker.heartbeat-ms=200", "ladderboard.worker.chunk-size=50"})
class JudgeAndWinnerBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    SubmissionService submissions;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(Account account) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(account.getEmail());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
    }

    @Test
    void aJudgeReviewsAScoredTaskAndAnOrganizerReleasesIt() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        SubmissionForm form = new SubmissionForm();
        form.setName("Browser memo trap " + System.nanoTime());
        form.setTaskType("classification");
        form.setCause("strong_prior");
        byte[] probe = Files.readAllBytes(Path.of("..", "ladders", "probes", "instructed-ending.csv"));
        long id = submissions.submit(contestant, form, "instructed-ending.csv", probe).submission().getId();
        long deadline = System.currentTimeMillis() + 90_000;
        while (!"SCORED".equals(jdbc.sql("select status from submission where id = ?").param(id).query(String.class).single())) {
            assertThat(System.currentTimeMillis()).as("scored in time").isLessThan(deadline);
            Thread.sleep(300);
        }

        signIn(newAccount(Role.JUDGE));
        browser.findElement(By.linkText("Judging")).click();
        browser.findElement(By.linkText(form.getName())).click();
        WebElement scaling = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scaling")));
        assertThat(scaling.findElements(By.cssSelector("svg circle"))).hasSize(8);
        assertThat(scaling.getText()).contains("Inverse scaling").contains("permutation test");
        assertThat(browser.getPageSource()).doesNotContain(contestant.getEmail());
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

        signIn(newAccount(Role.ORGANIZER));
        browser.get("http://localhost:" + port + "/leaderboard");
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
    }
}
