package org.ladderboard.app.analysis;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Computes the curves and verdicts of newly scored submissions in the background, so the first leaderboard view
 * after a busy scoring day does not compute hundreds of verdicts (about 50 ms each) while a judge waits. Works with
 * standalone workers too: it looks for scored submissions without a cached curve, not for events.
 */
@Component
@ConditionalOnProperty(name = "ladderboard.curves.warm", havingValue = "true", matchIfMissing = true)
class CurveWarmer {

    private static final Logger log = LoggerFactory.getLogger(CurveWarmer.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final LadderAnalysis analysis;

    CurveWarmer(JdbcClient jdbc, LadderAnalysis analysis) {
        this.jdbc = jdbc;
        this.analysis = analysis;
    }

    private record Scored(long id, String taskType) {
    }

    @Scheduled(initialDelayString = "${ladderboard.curves.warm-delay-ms:5000}", fixedDelayString = "${ladderboard.curves.warm-delay-ms:5000}")
    void warm() {
        try {
            List<Scored> cold = jdbc.sql("""
                            select s.id, s.task_type from submission s
                            where s.status = 'SCORED' and not exists (select 1 from ladder_curve c where c.submission_id = s.id)
                            order by s.id limit ?""")
                    .param(BATCH).query((rs, n) -> new Scored(rs.getLong(1), rs.getString(2))).list();
            for (Scored s : cold) {
                analysis.curves(s.id(), s.taskType());
            }
            if (!cold.isEmpty()) {
                log.debug("Computed the curves of {} newly scored submissions", cold.size());
            }
        } catch (RuntimeException e) {
            // the database may be away; the next run catches up
            log.warn("Curve warm-up skipped: {}", e.toString());
        }
    }
}
