package org.ladderboard.app.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
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

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.RoundService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Blind review, checked the way a curious judge would break it: follow every link from the judge's pages (and call
 * every API answer about the submission) and look for the author's name, email and the file names that carry them.
 */
class BlindReviewTest extends IntegrationTest {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");
    private static final Pattern OTHER_SUBMISSION = Pattern.compile("/(submissions|judging|tasks)/(\\d+)");

    @Autowired
    RoundService roundService;
    @Autowired
    JdbcTemplate template;

    /** An author whose name is in every file name, a warning naming a file, and a history note naming the author. */
    private record Authored(Account author, long submission, List<String> secrets) {
    }

    private Authored authored() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String surname = "Quintessa" + tag;
        String email = "zelda." + surname.toLowerCase(Locale.ROOT) + "@test.example";
        Account author = accounts.create(email, "Zelda " + surname, PASSWORD, Role.CONTESTANT);
        String slug = "zelda-" + surname.toLowerCase(Locale.ROOT);
        long id = ScoredTask.create(jdbc, template, roundService.current().orElseThrow().getId(), author.getId(),
                "Blind task " + tag, slug, List.of(slug + "-easy.csv", slug + "-hard.csv"), 6);
        jdbc.sql("""
                        insert into validation_finding (submission_id, code, part, row_number, line_number, column_name, message,
                                                        hint, count, rows)
                        values (?, 'duplicate_row', ?, 3, 4, null, ?, 'drop one of them', 1, '[3]')""")
                .params(id, slug + "-hard.csv", "row 3 repeats row 1 of " + slug + "-easy.csv").update();
        jdbc.sql("insert into submission_event (submission_id, status, note) values (?, 'CANCELLED', ?)")
                .params(id, "cancelled by " + email).update();
        return new Authored(author, id, List.of(surname.toLowerCase(Locale.ROOT), email.toLowerCase(Locale.ROOT), slug));
    }

    private String body(String path, RequestPostProcessor who) throws Exception {
        MvcResult result = mvc.perform(get(path).with(who)).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        int status = result.getResponse().getStatus();
        assertThat(status).as(path + " answers").isLessThan(500);
        return status >= 300 ? "" : result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every page reachable by links from {@code starts}, keeping to this submission among the submissions. */
    private List<String> walk(RequestPostProcessor who, long submission, List<String> starts, List<String> leaks) throws Exception {
        Deque<String> toVisit = new ArrayDeque<>(starts);
        Set<String> seen = new LinkedHashSet<>(starts);
        while (!toVisit.isEmpty() && seen.size() < 400) {
            String path = toVisit.poll();
            String page = body(path, who);
            leaks.addAll(leaksIn(path, page));
            Matcher href = HREF.matcher(page);
            while (href.find()) {
                String link = href.group(1).replace("&amp;", "&");
                Matcher other = OTHER_SUBMISSION.matcher(link);
                boolean elsewhere = other.find() && Long.parseLong(other.group(2)) != submission;
                if (!elsewhere && !link.startsWith("/css/") && !link.startsWith("/js/") && seen.add(link)) {
                    toVisit.add(link);
                }
            }
        }
        return new ArrayList<>(seen);
    }

    private List<String> secrets = List.of();

    private List<String> leaksIn(String path, String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return secrets.stream().filter(lower::contains).map(secret -> path + " shows " + secret).toList();
    }

    @Test
    void nothingAJudgeCanReachNamesTheAuthor() throws Exception {
        Authored task = authored();
        secrets = task.secrets();
        Account judge = newAccount(Role.JUDGE);
        RequestPostProcessor asJudge = user(judge.getEmail()).roles("JUDGE");
        long id = task.submission();

        List<String> leaks = new ArrayList<>();
        List<String> visited = walk(asJudge, id, List.of("/", "/judging", "/judging?todo=true", "/leaderboard"), leaks);
        assertThat(visited).as("the walk reaches the review page, the submission page, its examples and its task card")
                .contains("/judging/" + id, "/submissions/" + id, "/submissions/" + id + "/examples", "/tasks/" + id,
                        "/submissions/" + id + "/scores.jsonl");
        RequestPostProcessor apiJudge = httpBasic(judge.getEmail(), PASSWORD);
        for (String api : List.of("/api/submissions/" + id, "/api/submissions/" + id + "/results",
                "/api/submissions/" + id + "/scores.jsonl", "/api/submissions", "/api/rounds/current",
                "/api/reviews/queue", "/api/reviews/" + id, "/api/leaderboard",
                "/submissions/" + id + "/progress", "/submissions/" + id + "/examples?part=2&filter=worse")) {
            leaks.addAll(leaksIn(api, body(api, api.startsWith("/api/") ? apiJudge : asJudge)));
        }
        assertThat(leaks).isEmpty();

        // the judge sees part labels where the files were named
        String page = body("/submissions/" + id, asJudge);
        assertThat(page).contains("Part 1").contains("Part 2").contains("row 3 repeats row 1 of Part 1");
        assertThat(body("/api/submissions/" + id, apiJudge)).contains("\"name\":\"Part 2\"");
        assertThat(body("/submissions/" + id + "/scores.jsonl", asJudge)).contains("\"part\":\"Part 1\"");

        // the author and organizers keep the real names: the same scan finds them there
        String slug = task.secrets().get(2);
        assertThat(body("/submissions/" + id, user(task.author().getEmail()).roles("CONTESTANT")))
                .contains(slug + "-hard.csv").contains("cancelled by " + task.author().getEmail());
        assertThat(body("/submissions/" + id, user(newAccount(Role.ORGANIZER).getEmail()).roles("ORGANIZER")))
                .contains(slug + "-easy.csv");
    }
}
