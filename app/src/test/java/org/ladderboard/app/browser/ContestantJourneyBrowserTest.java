package org.ladderboard.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A contestant in real Chromium: registers, signs in, drops a file with a mistake on the submit page, reads the
 * error with its line, fixes the file, submits, and finds the submission listed as queued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContestantJourneyBrowserTest extends BrowserTest {

    @Test
    void registerUploadFixSubmitAndFindItListed() throws Exception {
        String email = "browser-" + System.nanoTime() + "@test.example";
        register(email, "Browser Contestant");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(email);
        type("password", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quota")));
        // the reset time is printed in UTC and rewritten into the reader's time zone, keeping UTC as its title
        WebElement reset = browser.findElement(By.cssSelector("#quota time"));
        assertThat(reset.getAttribute("title")).endsWith("00:00 UTC");

        browser.findElement(By.linkText("Submit")).click();
        wait.until(ExpectedConditions.urlContains("/submit"));
        new Select(browser.findElement(By.id("taskType"))).selectByValue("classification");
        type("name", "Browser memo trap");

        // row 3 starts on line 5 because row 1's prompt spans two lines; its answer_index is out of range
        String withMistake = "prompt,classes,answer_index\n"
                + "\"Write a word that ends the phrase:\nAnd it came to\",\"[' pass', ' thereof']\",1\n"
                + "\"Thus saith the\",\"[' LORD', ' users']\",1\n"
                + "\"And he said unto\",\"[' them', ' say']\",2\n"
                + "\"In the beginning\",\"[' God', ' time']\",0\n"
                + "\"Blessed are the\",\"[' meek', ' poor']\",1\n";
        Path broken = Files.createTempFile("broken", ".csv");
        Files.writeString(broken, withMistake, StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(broken.toAbsolutePath().toString());

        WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report .findings.errors")));
        Browser.screenshot(browser, "submit-with-error");
        assertThat(report.getText()).contains("row 3 (line 5)").contains("answer_index is 2").contains("valid: 0 to 1");
        assertThat(browser.findElement(By.cssSelector("#report .summary")).getText()).startsWith("Not accepted");
        // a file the live check rejected would only be rejected again, and count toward the day's cap
        assertThat(browser.findElement(By.id("submit-button")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("submit-note")).getText()).contains("fix the errors");

        Path fixed = Files.createTempFile("fixed", ".csv");
        Files.writeString(fixed, withMistake.replace("' say']\",2", "' say']\",1"), StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(fixed.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary"), "Valid"));
        assertThat(browser.findElement(By.id("submit-button")).isEnabled()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#report .findings.errors"))).isEmpty();
        // the preview shows the prompt and each option as the model will read it
        assertThat(browser.findElement(By.cssSelector("#report .preview")).getText()).contains("And it came to").contains("thereof");
        Browser.screenshot(browser, "submit-valid");

        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.urlContains("/submissions/"));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("queued for scoring").contains("micro-1m");
        Browser.screenshot(browser, "submission-detail");

        browser.findElement(By.linkText("My submissions")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#submissions tbody tr")));
        assertThat(row.getText()).contains("Browser memo trap").contains("queued");
    }
}
