package org.ladderboard.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.scoring.ScoringResults.EtaBasis;
import org.ladderboard.app.scoring.ScoringResults.Progress;

/** The one computation of time left: from the job's own rate, its model's, its ladder's, or honestly unknown. */
class EtaTest {

    private static final List<ScoringJobRepository.ModelRate> MEASURED = List.of(
            new ScoringJobRepository.ModelRate("micro", "micro-100k", 100_000, 40.0),
            new ScoringJobRepository.ModelRate("micro", "micro-1m", 1_000_000, 5.0));

    private static ScoringResults.Eta eta(String ladder, String model, long parameters, String status, int done,
                                          Double rate) {
        return new ScoringResults.Rates(MEASURED).eta(new ScoringResults.Unfinished(ladder, model, parameters, status,
                done, 100, rate));
    }

    @Test
    void aRunningJobUsesItsOwnMeasuredRate() {
        assertThat(eta("micro", "micro-100k", 100_000, "RUNNING", 40, 10.0))
                .isEqualTo(new ScoringResults.Eta(6.0, EtaBasis.MEASURED));
    }

    @Test
    void aQueuedJobOrOneWithoutARateYetUsesItsModelsRecentRate() {
        assertThat(eta("micro", "micro-100k", 100_000, "QUEUED", 0, null))
                .isEqualTo(new ScoringResults.Eta(2.5, EtaBasis.SAME_MODEL));
        assertThat(eta("micro", "micro-1m", 1_000_000, "RUNNING", 50, null))
                .isEqualTo(new ScoringResults.Eta(10.0, EtaBasis.SAME_MODEL));
    }

    @Test
    void aModelNeverMeasuredTakesTheNearestSizedModelOfItsLadderScaledBySize() {
        // 300k is nearer 100k (3x) than 1m (3.3x): 40/s at 100k is 40 * 100k / 300k = 13.3/s at 300k
        ScoringResults.Eta e = eta("micro", "micro-300k", 300_000, "QUEUED", 0, null);
        assertThat(e.basis()).isEqualTo(EtaBasis.SAME_LADDER);
        assertThat(e.seconds()).isCloseTo(7.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aLadderWithNothingMeasuredIsUnknown() {
        assertThat(eta("other", "big", 1_000_000, "QUEUED", 0, null)).isEqualTo(new ScoringResults.Eta(null, EtaBasis.UNKNOWN));
    }

    private static Progress job(String status, Double eta, EtaBasis basis) {
        return new Progress(1, "micro", "m", status, 1, 0, 100, null, eta, basis, ScoringResults.etaWords(eta, basis), null, null, 0, null);
    }

    @Test
    void theSubmissionsTimeLeftIsTheSumOfItsUnfinishedJobsOrUnknown() {
        List<Progress> known = List.of(job("DONE", null, null), job("RUNNING", 65.0, EtaBasis.MEASURED),
                job("QUEUED", 60.0, EtaBasis.SAME_MODEL));
        assertThat(ScoringResults.etaSeconds(known)).isEqualTo(125.0);
        assertThat(ScoringResults.submissionEtaWords(known)).isEqualTo("about 2 min 5 s");
        List<Progress> unknown = List.of(job("RUNNING", 65.0, EtaBasis.MEASURED), job("QUEUED", null, EtaBasis.UNKNOWN));
        assertThat(ScoringResults.etaSeconds(unknown)).isNull();
        assertThat(ScoringResults.submissionEtaWords(unknown)).isEqualTo("unknown");
        List<Progress> done = List.of(job("DONE", null, null));
        assertThat(ScoringResults.etaSeconds(done)).isNull();
        assertThat(ScoringResults.submissionEtaWords(done)).isEmpty();
    }

    @Test
    void timesLeftReadAsWords() {
        assertThat(ScoringResults.etaWords(42.4, EtaBasis.MEASURED)).isEqualTo("42 s");
        assertThat(ScoringResults.etaWords(120.0, EtaBasis.MEASURED)).isEqualTo("2 min");
        assertThat(ScoringResults.etaWords(7260.0, EtaBasis.SAME_LADDER)).isEqualTo("about 2 h 1 min (from the ladder's other models)");
        assertThat(ScoringResults.etaWords(null, EtaBasis.UNKNOWN)).isEqualTo("unknown");
        assertThat(ScoringResults.etaWords(null, null)).isEmpty();
    }

    /** The one line standing for a held-out ladder's jobs has their time left together, as sure as the least sure. */
    @Test
    void privateLaddersJobsHaveTheirTimeLeftTogether() {
        ScoringResults.Eta measured = new ScoringResults.Eta(6.0, EtaBasis.MEASURED);
        ScoringResults.Eta fromModel = new ScoringResults.Eta(4.0, EtaBasis.SAME_MODEL);
        assertThat(ScoringResults.together(List.of(measured, ScoringResults.Eta.NONE, fromModel)))
                .isEqualTo(new ScoringResults.Eta(10.0, EtaBasis.SAME_MODEL));
        assertThat(ScoringResults.together(List.of(measured, new ScoringResults.Eta(null, EtaBasis.UNKNOWN))))
                .isEqualTo(new ScoringResults.Eta(null, EtaBasis.UNKNOWN));
        assertThat(ScoringResults.together(List.of(ScoringResults.Eta.NONE))).isEqualTo(ScoringResults.Eta.NONE);
    }
}
