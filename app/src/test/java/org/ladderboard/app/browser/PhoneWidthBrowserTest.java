package org.ladderboard.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every page at a phone's width (390 CSS pixels, as an iPhone 12-15), with a 200-character word in the task name
 * and a 120-character one in the display name: no page may be wider than the screen. Screenshots land in
 * target/screenshots/phone-*.png.
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhoneWidthBrowserTest extends BrowserTest {

    private static final int PHONE = 390;

    private long submission(Account owner, String status) {
        long round = rounds.findAll().get(0).getId();
        return jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                                file_name, file_sha256, file_bytes)
                        values (?, ?, ?, 'zero-shot', 'other', 'classification', ?, 7, ?, repeat('0', 64), 1)
                        returning id""").params(round, owner.getId(), "T".repeat(200), status, "f".repeat(200) + ".csv")
                .query(Long.class).single();
    }

    /** Pages wider than the viewport, with their widths; screenshots of all of them. */
    private List<String> tooWide(String who, List<String> paths) throws Exception {
        List<String> wide = new ArrayList<>();
        for (String path : paths) {
            open(path);
            // the layout viewport is the phone's width; a page wider than it makes the phone zoom out (innerWidth grows)
            long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth;");
            long page = (Long) browser.executeScript("return Math.max(document.documentElement.scrollWidth, window.innerWidth);");
            assertThat(viewport).as("the phone's layout viewport").isEqualTo(PHONE);
            Browser.screenshot(browser, "phone-" + who + path.replaceAll("[^A-Za-z0-9]+", "-"));
            if (page > viewport) {
                wide.add(who + " " + path + ": " + page + " px");
            }
        }
        return wide;
    }

    @Test
    void noPageIsWiderThanAPhone() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        String word = "W".repeat(120);
        Account contestant = accounts.create("phone-" + System.nanoTime() + "@test.example", word, PASSWORD, Role.CONTESTANT);
        Account organizer = accounts.create("phone-org-" + System.nanoTime() + "@test.example", word, PASSWORD, Role.ORGANIZER);
        long mine = submission(contestant, "SCORED");
        jdbc.sql("insert into notice (recipient_id, kind, about, submission_id, title, body) values (?, 'SUBMISSION_SCORED', 'phone', ?, ?, ?)")
                .params(contestant.getId(), mine, "“" + "T".repeat(200) + "” is scored", "Your submission “" + "T".repeat(200) + "” is scored.")
                .update();

        List<String> wide = new ArrayList<>(tooWide("anonymous", List.of("/", "/login", "/register", "/no-such-page")));
        signIn(contestant.getEmail());
        wide.addAll(tooWide("contestant", List.of("/", "/submit", "/submissions", "/submissions/" + mine, "/leaderboard",
                "/account", "/notices", "/organizer/rounds")));
        signIn(organizer.getEmail());
        wide.addAll(tooWide("organizer", List.of("/organizer/rounds", "/organizer/queue", "/organizer/accounts",
                "/organizer/exports", "/organizer/audit", "/judging", "/judging/" + mine, "/leaderboard", "/submissions/" + mine)));
        assertThat(wide).as("pages wider than a %d px phone", PHONE).isEmpty();
    }
}
