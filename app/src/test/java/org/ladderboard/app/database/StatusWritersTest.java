package org.ladderboard.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.database.JavaSources.Source;
import org.ladderboard.app.submission.Submission;

/**
 * A submission's status and a job's life have one writer: the queue module's {@code JobQueue}, through the named
 * statements of {@code queue.sql}. The web app, the worker and the one-command run call it; none of them writes
 * {@code submission.status} or a {@code scoring_job} row's life by itself, and JPA never writes the status back.
 */
class StatusWritersTest {

    /** The folders whose code may call the queue but never write a status itself. */
    private static final List<String> CALLERS = List.of("app/src/main/java", "scoring-worker/src/main/java",
            "standalone/src/main/java", "queue/src/main/java");

    private static final String WRITER = "JobQueue";

    private static final Path QUEUE_SQL = Path.of("queue/src/main/resources/org/ladderboard/queue/queue.sql");

    /** An update of a submission's or a job's row, with its list of assignments (up to where, from or returning). */
    private static final Pattern UPDATE = Pattern.compile("(?is)\\bupdate\\s+(submission|scoring_job)\\b"
            + "(?:\\s+(?:as\\s+)?(?!set\\b)\\w+)?\\s+set\\s+((?:(?!\\bwhere\\b|\\bfrom\\b|\\breturning\\b).)*)");
    private static final Pattern ASSIGNS_STATUS = Pattern.compile("(?i)(?:^|[\\s,.])status\\s*=");
    /** Creating or dropping a job is part of its life too. */
    private static final Pattern JOB_ROW = Pattern.compile("(?is)\\b(?:insert\\s+into|delete\\s+from)\\s+scoring_job\\b");

    static boolean writesAStatus(String sql) {
        Matcher update = UPDATE.matcher(sql);
        while (update.find()) {
            if (ASSIGNS_STATUS.matcher(update.group(2)).find()) {
                return true;
            }
        }
        return JOB_ROW.matcher(sql).find();
    }

    @Test
    void theCheckKnowsAStatusWriteWhenItSeesOne() {
        assertThat(writesAStatus("update submission set status = 'QUEUED' where id = ?")).isTrue();
        assertThat(writesAStatus("update scoring_job j set lease_owner = null,\n status = 'QUEUED' from next")).isTrue();
        assertThat(writesAStatus("update Submission s set s.status = :status where s.id = :id")).isTrue();
        assertThat(writesAStatus("insert into scoring_job (submission_id) values (?)")).isTrue();
        assertThat(writesAStatus("delete from scoring_job where submission_id = ?")).isTrue();
        assertThat(writesAStatus("update scoring_job set examples_done = ? where status = 'RUNNING'")).isFalse();
        assertThat(writesAStatus("update submission_part set name = ?")).isFalse();
        assertThat(writesAStatus("select status from submission where id = ?")).isFalse();
    }

    @Test
    void noCodeButTheQueueWritesAStatus() {
        List<String> writers = new ArrayList<>();
        for (String folder : CALLERS) {
            for (Source s : JavaSources.under(folder)) {
                if (s.name().equals(WRITER) && folder.startsWith("queue/")) {
                    continue;
                }
                for (String literal : s.literals()) {
                    if (writesAStatus(literal)) {
                        writers.add(folder + " " + s.name() + ": " + literal.strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(writers).as("a status written outside JobQueue: call JobQueue (the app through ScoringControl)")
                .isEmpty();
    }

    @Test
    void onlyTheQueueRunsTheStatementsThatWriteAStatus() throws IOException {
        Map<String, String> statements = namedStatements(Files.readString(JavaSources.root().resolve(QUEUE_SQL)));
        List<String> statusWriters = statements.entrySet().stream().filter(e -> writesAStatus(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertThat(statusWriters).contains("claim_job", "follow_jobs", "cancel_submission", "create_job");
        List<String> callers = new ArrayList<>();
        for (String folder : CALLERS) {
            for (Source s : JavaSources.under(folder)) {
                if (s.name().equals(WRITER) && folder.startsWith("queue/")) {
                    continue;
                }
                for (String literal : s.literals()) {
                    if (statusWriters.contains(literal)) {
                        callers.add(s.name() + " runs " + literal);
                    }
                }
            }
        }
        assertThat(callers).as("a status-writing statement of queue.sql run by another class than JobQueue").isEmpty();
    }

    @Test
    void jpaNeverWritesASubmissionsStatusBack() throws Exception {
        Column status = Submission.class.getDeclaredField("status").getAnnotation(Column.class);
        assertThat(status.updatable()).as("Submission.status must be updatable = false").isFalse();
        Source entity;
        try (Stream<Path> files = Files.walk(JavaSources.root().resolve("app/src/main/java"))) {
            entity = JavaSources.read(files.filter(p -> p.endsWith("submission/Submission.java")).findFirst().orElseThrow());
        }
        Matcher assignments = Pattern.compile("\\bstatus\\s*=(?!=)").matcher(entity.code());
        int count = 0;
        while (assignments.find()) {
            count++;
        }
        assertThat(count).as("Submission assigns its status only in the field's initializer (VALIDATED, on insert)")
                .isEqualTo(1);
    }

    /** The blocks of {@code queue.sql}, each from its {@code -- name:} line to the next. */
    private static Map<String, String> namedStatements(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^-- name: (\\w+)\\s*$").matcher(text);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                out.put(name, text.substring(start, m.start()));
            }
            name = m.group(1);
            start = m.end();
        }
        if (name != null) {
            out.put(name, text.substring(start));
        }
        return out;
    }
}
