package org.ladderboard.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.account.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The interactive API page in real Chromium: reached from the account page, it lists the API's operations from the
 * OpenAPI document and runs a call from the page ("Try it out") against the app, under the pages' CSP.
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiPageBrowserTest extends BrowserTest {

    @Test
    void theApiPageListsTheOperationsAndRunsOne() throws Exception {
        signIn(newAccount(Role.ORGANIZER).getEmail());
        open("/account");
        browser.findElement(By.id("api-page")).click();
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock-summary-path")));
            List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .map(e -> e.getAttribute("data-path")).toList();
            assertThat(paths).contains("/api/rounds/current", "/api/submissions", "/api/rounds/{id}", "/api/reviews/queue",
                    "/api/leaderboard", "/api/queue", "/api/exports/{job}/file", "/api/rounds/{id}/winners/{submission}");
            assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("Ladderboard API");

            WebElement current = browser.findElements(By.cssSelector(".opblock-get")).stream()
                    .filter(o -> "/api/rounds/current".equals(o.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path")))
                    .findFirst().orElseThrow();
            current.findElement(By.cssSelector(".opblock-summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(current.findElement(By.cssSelector(".try-out__btn")))).click();
            wait.until(ExpectedConditions.elementToBeClickable(current.findElement(By.cssSelector(".execute")))).click();
            wait.until(page -> !current.findElements(By.cssSelector(".live-responses-table tr.response .response-col_status")).isEmpty());
            assertThat(current.findElement(By.cssSelector(".live-responses-table tr.response .response-col_status")).getText()).isEqualTo("200");
            assertThat(current.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description")).getText())
                    .contains("\"name\"").contains("\"ladders\"");

            // nothing on the page was blocked by the Content-Security-Policy
            List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
            assertThat(refused).isEmpty();
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "api-page");
            throw e;
        }
    }
}
