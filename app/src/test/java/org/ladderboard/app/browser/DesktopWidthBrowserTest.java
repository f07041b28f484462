package org.ladderboard.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pages with the widest tables at a laptop's width (the browser's 1,280 px): a column heading may wrap between
 * words (or after a hyphen), never inside one ("Exam|ples").
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesktopWidthBrowserTest extends BrowserTest {

    /** Each heading word drawn on more than one line, as "page: word". */
    @SuppressWarnings("unchecked")
    private List<String> brokenHeadingWords(String path) {
        open(path);
        List<String> broken = (List<String>) browser.executeScript("""
                const broken = [];
                for (const th of document.querySelectorAll('th')) {
                  const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    // a word ends at a space or after a hyphen: "Few-|shot" is a break the language allows
                    const re = /[^\\s-]+-?/g;
                    let m;
                    while ((m = re.exec(node.data)) !== null) {
                      const range = document.createRange();
                      range.setStart(node, m.index);
                      range.setEnd(node, m.index + m[0].length);
                      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                      if (lines.size > 1) broken.push(m[0]);
                    }
                  }
                }
                return broken;""");
        return broken.stream().map(word -> path + ": " + word).toList();
    }

    @Test
    void tableHeadingsWrapBetweenWordsOnly() {
        Account organizer = accounts.create("wide-org-" + System.nanoTime() + "@test.example", "Organizer", PASSWORD,
                Role.ORGANIZER);
        signIn(organizer.getEmail());
        List<String> broken = new ArrayList<>();
        for (String path : List.of("/organizer/rounds", "/organizer/queue", "/organizer/accounts", "/organizer/exports",
                "/organizer/audit", "/judging", "/leaderboard", "/submissions")) {
            broken.addAll(brokenHeadingWords(path));
        }
        assertThat(broken).as("heading words broken across lines at 1,280 px").isEmpty();
    }
}
