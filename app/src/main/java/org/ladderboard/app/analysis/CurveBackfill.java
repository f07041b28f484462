package org.ladderboard.app.analysis;

import org.ladderboard.queue.CurveStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores the curves of scored submissions whose curves were not computed in full ({@code curves_at} unset): those
 * scored before curves were computed when scoring finishes, by a worker of an older version, or by a worker that is
 * not configured with every ladder of the submission. Workers compute curves themselves (through {@link CurveStore},
 * the same code), so this normally finds nothing. Until it has run, pages say the curve is being computed.
 */
@Component
@ConditionalOnProperty(name = "ladderboard.curves.warm", havingValue = "true", matchIfMissing = true)
public class CurveBackfill {

    private static final Logger log = LoggerFactory.getLogger(CurveBackfill.class);
    private static final int BATCH = 10;

    private final CurveRepository curves;

    CurveBackfill(CurveRepository curves) {
        this.curves = curves;
    }

    @Scheduled(initialDelayString = "${ladderboard.curves.warm-delay-ms:5000}", fixedDelayString = "${ladderboard.curves.warm-delay-ms:5000}")
    public void backfill() {
        try {
            int stored;
            do {
                stored = curves.storeMissing(BATCH);
                if (stored > 0) {
                    log.info("Stored the curves of {} scored submissions", stored);
                }
            } while (stored == BATCH);
        } catch (RuntimeException e) {
            // the database may be away; the next run catches up
            log.warn("Curve backfill skipped: {}", e.toString());
        }
    }
}
