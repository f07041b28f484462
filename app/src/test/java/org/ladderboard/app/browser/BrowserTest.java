package org.ladderboard.app.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.ladderboard.app.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test that drives the app on its real port with a fresh Chromium per test; subclasses say how the app runs. */
// a real Chromium per test: every browser test is in the slow tier, run by `verify`, not by `test` (README)
@Tag("slow")
abstract class BrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;

    protected ChromeDriver browser;
    protected WebDriverWait wait;

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

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Registers on the form, from the home page's link, and waits for the sign-in page it leads to. */
    protected void register(String email, String displayName) {
        open("/");
        browser.findElement(By.linkText("Register")).click();
        type("email", email);
        type("displayName", displayName);
        type("password", PASSWORD);
        type("confirm", PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /** Signs in on the form as a fresh browser session would, and waits for the home page. */
    protected void signIn(String email) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }
}
