package org.ladderboard.app.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.queue.JobStatus;
import org.ladderboard.queue.ScoreRecord;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What scoring produced for a submission: per-model aggregates, live progress, and every per-example score. */
@Service
public class ScoringResults {

    /** One model's aggregates ({@code GET /api/submissions/{id}/results}); stderr = sd/√n. */
    public record ModelResult(String ladder, String model, long params, int examplesScored, Double meanLoss,
                              Double lossStderr, Double accuracy, Double accuracyStderr, Double optionMass,
                              Double meanLogoddsDifference, Double logoddsStderr, int truncated, int errors) {
    }

    /** One job's progress as the submission page polls it. */
    public record Progress(long jobId, String ladder, String model, String status, int attempt, int examplesDone,
                           int examplesTotal, Double examplesPerSecond, Double etaSeconds, Double modelLoadSeconds,
                           String error) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ResultRepository results;
    private final ScoringJobRepository jobs;

    ScoringResults(ResultRepository results, ScoringJobRepository jobs) {
        this.results = results;
        this.jobs = jobs;
    }

    /** Each model's aggregates on the ladders this viewer may see. */
    public List<ModelResult> results(long submissionId, VisibleLadders shown) {
        return shown.filter(results.results(submissionId), ModelResult::ladder);
    }

    /**
     * Each job's progress, with the time left at its current rate while it runs; the private ladders' jobs as one
     * line (see {@link ScoringQueue#shownJobs}), their errors with private names taken out.
     */
    public List<Progress> progress(long submissionId, VisibleLadders shown) {
        return ScoringQueue.shownJobs(jobs.jobsOf(submissionId), shown).stream()
                .map(j -> {
                    Double rate = j.examplesPerSecond();
                    Double eta = rate == null || rate <= 0 || !"RUNNING".equals(j.status()) ? null
                            : (j.examplesTotal() - j.examplesDone()) / rate;
                    return new Progress(j.id(), j.ladder(), j.model(), j.status(), j.attempt(), j.examplesDone(),
                            j.examplesTotal(), rate, eta, j.modelLoadSeconds(), shown.scrub(j.errorMessage()));
                })
                .toList();
    }

    /**
     * Every per-example score as JSON lines, in file order and then ladder order: the example's position, part and
     * row, the model, and its outputs (as the prize's labelled_data kept them), on the ladders this viewer may see.
     * {@code partName} gives each part's name as the reader may see it (a judge sees part labels, not file names).
     */
    public void writeScores(long submissionId, java.util.function.UnaryOperator<String> partName, VisibleLadders shown,
                            Writer out) {
        results.forEachScore(submissionId, score -> {
            if (!shown.shows(score.ladder())) {
                return;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("index", score.index());
            line.put("part", partName.apply(score.partName()));
            line.put("row", score.row());
            line.put("ladder", score.ladder());
            line.put("model", score.model());
            ScoreRecord.parse(score.record()).properties().forEach(f -> line.put(f.getKey(), f.getValue()));
            try {
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The organizer's view of the queue. */
    public record QueueView(Map<String, Integer> jobsByStatus, List<WorkerRow> workers, List<FailedJob> failed) {
    }

    public record WorkerRow(String id, String host, Instant heartbeatAt, long heartbeatAgeSeconds, Long currentJob,
                            String currentModel, Double examplesPerSecond, boolean stopped) {
    }

    public record FailedJob(long jobId, long submissionId, String taskName, String ladder, String model, int attempts,
                            String errorKind, String error) {
    }

    public QueueView queue() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            counts.put(status.name(), 0);
        }
        counts.putAll(jobs.jobsByStatus());
        return new QueueView(counts, jobs.workers(), jobs.failedJobs());
    }
}
