package org.ladderboard.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ladderboard.analysis.TrendShape;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.award.PrizeTier;
import org.ladderboard.app.notice.NoticeKind;
import org.ladderboard.app.submission.Cause;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.queue.AttemptOutcome;
import org.ladderboard.queue.ErrorKind;
import org.ladderboard.queue.JobStatus;
import org.ladderboard.queue.SubmissionStatus;

/**
 * Every column that the migrated schema limits to a list of words holds exactly the values of the Java enum that
 * names them, read from {@code pg_constraint}: adding a status, a verdict or a tier on one side only fails here.
 */
class CheckConstraintsTest extends IntegrationTest {

    /** {@code ((status)::text = ANY ((ARRAY['QUEUED'::character varying, ...])::text[]))}, and the one-value form. */
    private static final Pattern COLUMN = Pattern.compile("\\(\\(?(\\w+)\\)?::text = ");
    private static final Pattern VALUE = Pattern.compile("'([^']*)'::");

    private static <E extends Enum<E>> Set<String> values(Class<E> type, Function<E, String> spelling) {
        return Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.toCollection(TreeSet::new));
    }

    /** table.column → the values its check constraint allows, for every constraint that is a list of words. */
    private Map<String, Set<String>> wordLists() {
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        List<String[]> constraints = jdbc.sql("""
                        select conrelid::regclass::text, pg_get_constraintdef(oid) from pg_constraint
                        where contype = 'c' and connamespace = 'public'::regnamespace order by 1, 2""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] c : constraints) {
            Matcher column = COLUMN.matcher(c[1]);
            if (!column.find() || !c[1].contains("'")) {
                continue; // a range or a relation between columns
            }
            Set<String> values = new TreeSet<>();
            Matcher value = VALUE.matcher(c[1]);
            while (value.find()) {
                values.add(value.group(1));
            }
            lists.put(c[0] + "." + column.group(1), values);
        }
        return lists;
    }

    @Test
    void everyListOfWordsInTheSchemaIsAnEnum() {
        Set<String> judgeVerdicts = TrendShape.choices().stream().map(TrendShape::code).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("account.role", values(Role.class, Role::name));
        expected.put("submission.status", values(SubmissionStatus.class, SubmissionStatus::name));
        expected.put("submission.task_type", values(TaskType.class, TaskType::id));
        expected.put("submission.cause", values(Cause.class, Cause::id));
        expected.put("scoring_job.status", values(JobStatus.class, JobStatus::name));
        expected.put("scoring_job.error_kind", values(ErrorKind.class, ErrorKind::name));
        expected.put("scoring_job_attempt.outcome", values(AttemptOutcome.class, AttemptOutcome::name));
        expected.put("review.verdict_override", judgeVerdicts);
        expected.put("winner.tier", values(PrizeTier.class, PrizeTier::id));
        expected.put("notice.kind", values(NoticeKind.class, NoticeKind::name));

        Map<String, Set<String>> schema = wordLists();
        expected.forEach((column, values) -> assertThat(schema.get(column)).as(column).isEqualTo(values));
        // the lists that have no enum yet are named here, so a new list cannot slip in unnoticed
        assertThat(schema.keySet()).containsExactlyInAnyOrderElementsOf(
                concat(expected.keySet(), Set.of("submission.shots", "submission_part.format", "export_job.status")));
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
