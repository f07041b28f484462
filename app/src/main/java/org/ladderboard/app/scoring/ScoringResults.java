package org.ladderboard.app.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.queue.JobStatus;
import org.ladderboard.queue.ScoreRecord;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What scoring produced for a submission: per-model aggregates, live progress, and every per-example score. */
@Service
public class ScoringResults {

    /**
     * One model's aggregates at one K of a few-shot sweep (0: the dataset as uploaded), as
     * {@code GET /api/submissions/{id}/results} gives them; stderr = sd/√n.
     */
    public record ModelResult(String ladder, String model, long params, int examplesScored, Double meanLoss,
                              Double lossStderr, Double accuracy, Double accuracyStderr, Double optionMass,
                              Double meanLogoddsDifference, Double logoddsStderr, int truncated, int errors, int shots) {
    }

    /** One job's progress as the submission page polls it; a K-shot job's seed drew its demonstrations. */
    public record Progress(long jobId, String ladder, String model, String status, int attempt, int examplesDone,
                           int examplesTotal, Double examplesPerSecond, Double etaSeconds, Double modelLoadSeconds,
                           String error, int shots, Long fewshotSeed) {

        /** The same progress with its error message as this viewer may read it. */
        public Progress withError(String message) {
            return new Progress(jobId, ladder, model, status, attempt, examplesDone, examplesTotal, examplesPerSecond,
                    etaSeconds, modelLoadSeconds, message, shots, fewshotSeed);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ResultRepository results;
    private final ScoringJobRepository jobs;

    ScoringResults(ResultRepository results, ScoringJobRepository jobs) {
        this.results = results;
        this.jobs = jobs;
    }

    public List<ModelResult> results(long submissionId) {
        return results.results(submissionId);
    }

    /** Each job's progress, with the time left at its current rate while it runs. */
    public List<Progress> progress(long submissionId) {
        return jobs.jobsOf(submissionId).stream()
                .map(j -> {
                    Double rate = j.examplesPerSecond();
                    Double eta = rate == null || rate <= 0 || !"RUNNING".equals(j.status()) ? null
                            : (j.examplesTotal() - j.examplesDone()) / rate;
                    return new Progress(j.id(), j.ladder(), j.model(), j.status(), j.attempt(), j.examplesDone(),
                            j.examplesTotal(), rate, eta, j.modelLoadSeconds(), j.errorMessage(), j.shots(), j.fewshotSeed());
                })
                .toList();
    }

    /**
     * Every per-example score as JSON lines, in file order and then ladder order: the example's position, part and
     * row, the model, its K ({@code shots}; with the {@code seed} that drew the demonstrations when K &gt; 0), and its
     * outputs (as the prize's labelled_data kept them). {@code partName} gives each part's
     * name as the reader may see it (a judge sees part labels, not file names).
     */
    public void writeScores(long submissionId, java.util.function.UnaryOperator<String> partName, Writer out) {
        results.forEachScore(submissionId, score -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("index", score.index());
            line.put("part", partName.apply(score.partName()));
            line.put("row", score.row());
            line.put("ladder", score.ladder());
            line.put("model", score.model());
            line.put("shots", score.shots());
            if (score.fewshotSeed() != null) {
                line.put("seed", score.fewshotSeed());
            }
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
                            String errorKind, String error, int shots) {
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
