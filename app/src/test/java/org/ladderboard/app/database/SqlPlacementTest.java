package org.ladderboard.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.database.JavaSources.Source;

/**
 * In the web module, SQL and the JDBC API live only in repositories: a class named {@code *Repository} (a Spring Data
 * interface or a {@code @Repository} whose only job is data access). The queue's statements live in the queue
 * module's {@code queue.sql}. A service or controller that needs data calls a repository.
 */
class SqlPlacementTest {

    /** The JDBC and JPA query APIs, as the code (not its comments) uses them; JDBC's exceptions may be inspected anywhere. */
    private static final Pattern DATA_ACCESS = Pattern.compile(
            "\\b(?:java\\.sql|javax\\.sql|org\\.springframework\\.jdbc)\\.(?!\\w*Exception\\b)|\\bcreate(?:Native|Named)?Query\\s*\\(|@(?:Native)?Query\\b");

    /**
     * SQL in a string literal or text block: a statement's opening words in SQL's shape (a select list then a comma
     * or from; an insert's column list or values), or a clause only SQL has. Prose such as "select the round you want
     * from the list" does not match.
     */
    private static final Pattern SQL = Pattern.compile("(?is)"
            + "\\bselect\\s+(?:distinct\\s+)?[\\w.*]+(?:\\s*\\([^)]*\\))?(?:\\s+as\\s+\\w+)?\\s*(?:,|\\bfrom\\s+\\w+)"
            + "|\\binsert\\s+into\\s+\\w+\\s*(?:\\(|select\\b|values\\b)"
            + "|\\bupdate\\s+\\w+(?:\\s+\\w+)?\\s+set\\s+[\\w.]+\\s*="
            + "|\\bdelete\\s+from\\s+\\w+(?:\\s+\\w+)?\\s*(?:$|\\bwhere\\b|\\busing\\b|\\breturning\\b)"
            + "|\\bon\\s+conflict\\s*(?:\\(|do\\b|on\\s+constraint\\b)"
            + "|\\b(?:create|alter|drop)\\s+(?:table|index|role)\\b"
            + "|\\bwhere\\s+\\w+(?:\\.\\w+)?\\s*(?:=|<|>|\\bin\\s*\\()");

    /** Not repositories, and holding SQL for good reason: class → why. */
    private static final Map<String, String> EXEMPT = Map.of(
            "EmbeddedPostgresStarter", "administers the embedded server itself (the superuser's password, reloading its"
                    + " configuration) before the app has a data source; reads and writes no table");

    /**
     * Classes that other branches of this redesign are converting to repositories right now. TO BE REMOVED: delete
     * each entry as its branch is merged; the test fails on an entry whose class no longer holds SQL, or no longer
     * exists, so the list can only shrink.
     */
    private static final Set<String> BEING_CONVERTED = Set.of();

    private static boolean isRepository(Source s) {
        return s.name().endsWith("Repository");
    }

    private static List<String> sqlIn(Source s) {
        List<String> found = new ArrayList<>();
        var access = DATA_ACCESS.matcher(s.code());
        while (access.find()) {
            found.add(access.group().strip());
        }
        for (String literal : s.literals()) {
            Matcher sql = SQL.matcher(literal);
            if (sql.find()) {
                found.add('"' + sql.group().replaceAll("\\s+", " ") + '"');
            }
        }
        return found;
    }

    @Test
    void onlyRepositoriesHoldSqlInTheWebModule() {
        List<String> offenders = new ArrayList<>();
        for (Source s : JavaSources.under("app/src/main/java")) {
            if (isRepository(s) || EXEMPT.containsKey(s.name()) || BEING_CONVERTED.contains(s.name())) {
                continue;
            }
            List<String> found = sqlIn(s);
            if (!found.isEmpty()) {
                offenders.add(s.name() + " " + found);
            }
        }
        assertThat(offenders)
                .as("SQL or JDBC outside a *Repository class; move it into the feature's repository and call that")
                .isEmpty();
    }

    @Test
    void everyRepositoryIsOne() {
        List<String> notRepositories = new ArrayList<>();
        for (Source s : JavaSources.under("app/src/main/java")) {
            if (isRepository(s) && !s.code().contains("@Repository")
                    && !Pattern.compile("\\binterface\\s+\\w+\\s+extends\\s+[^{]*Repository<").matcher(s.code()).find()) {
                notRepositories.add(s.name());
            }
        }
        assertThat(notRepositories).as("named *Repository but neither a Spring Data interface nor a @Repository").isEmpty();
    }

    @Test
    void theListOfClassesBeingConvertedOnlyShrinks() {
        Set<String> stale = new TreeSet<>(BEING_CONVERTED);
        Set<String> exemptStale = new TreeSet<>(EXEMPT.keySet());
        for (Source s : JavaSources.under("app/src/main/java")) {
            if (!sqlIn(s).isEmpty()) {
                stale.remove(s.name());
                exemptStale.remove(s.name());
            }
        }
        assertThat(stale).as("converted already (or gone): remove them from BEING_CONVERTED").isEmpty();
        assertThat(exemptStale).as("no longer hold SQL: remove them from EXEMPT").isEmpty();
    }

    static boolean isSql(String literal) {
        return SQL.matcher(literal).find();
    }

    @Test
    void theScanTellsSqlFromProse() {
        assertThat(List.of("select id from submission where account_id = ? and round_id = ?",
                "select distinct ladder from scoring_job", "select count(*) from submission", "select s.id, count(r.id)",
                "select r from Round r order by r.closesAt", "insert into review (submission_id) select ?",
                "update registration_policy set approval_required = ? where id = 1", "delete from export_job where id = ?",
                "join example e on e.id = s.example_id where e.submission_id = :submission",
                "on conflict (submission_id, judge_id) do update", "alter role postgres password 'x'"))
                .allMatch(SqlPlacementTest::isSql);
        assertThat(List.of("Select the round you want from the list", "a judge who declared on conflict of interest",
                "where this is empty, nothing was scored", "Confirm your Ladderboard account", "insert into the form",
                "delete from the list the ones you do not want"))
                .noneMatch(SqlPlacementTest::isSql);
    }

    @Test
    void theScanSeesSqlAndTheJdbcApi() {
        Source sample = JavaSources.read(JavaSources.root().resolve(
                "app/src/main/java/org/ladderboard/app/judging/ReviewRepository.java"));
        assertThat(sqlIn(sample)).anyMatch(f -> f.contains("org.springframework.jdbc."))
                .anyMatch(f -> f.contains("insert into review"))
                .anyMatch(f -> f.contains("select"));
    }
}
