package org.ladderboard.app.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.queue.JobStatus;
import org.ladderboard.queue.ScoreRecord;
import org.ladderboard.scoring.WorkerDefaults;
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

    /**
     * One job's progress as the submission page polls it. {@code etaSeconds} is the time left scoring it:
     * {@code etaBasis} says where the rate came from ({@link EtaBasis}), {@code etaText} says it in words as the
     * pages print it ({@link #etaWords}); all three are null (the text empty) for a finished job. A K-shot job's
     * seed drew its demonstrations.
     */
    public record Progress(long jobId, String ladder, String model, String status, int attempt, int examplesDone,
                           int examplesTotal, Double examplesPerSecond, Double etaSeconds, EtaBasis etaBasis,
                           String etaText, Double modelLoadSeconds, String error, int shots, Long fewshotSeed) {

        /** The same progress with the error as a given viewer may read it. */
        public Progress withError(String shownError) {
            return new Progress(jobId, ladder, model, status, attempt, examplesDone, examplesTotal, examplesPerSecond,
                    etaSeconds, etaBasis, etaText, modelLoadSeconds, shownError, shots, fewshotSeed);
        }
    }

    /** Where a time left comes from. */
    public enum EtaBasis {
        /** the job's own rate, measured while it runs */
        MEASURED("measured"),
        /** not started (or no rate yet): the recent rate of the same model on other submissions */
        SAME_MODEL("from the same model's recent rate"),
        /** as above, from another model of the same ladder, scaled by the models' sizes */
        SAME_LADDER("from the ladder's other models"),
        /** nothing measured to go by */
        UNKNOWN("unknown");

        private final String words;

        EtaBasis(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** How many of the latest measured jobs of a model its rate is averaged over. */
    static final int RATE_SAMPLES = 5;

    /**
     * A worker is silent when its heartbeat is older than a job's lease: by then the jobs it held are being taken
     * back. The queue page and the organizers' notices use this one limit.
     */
    public static final Duration WORKER_SILENT_AFTER = Duration.ofSeconds(WorkerDefaults.LEASE_SECONDS);

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
     * Each job's progress, with the time left at its measured rate, or estimated from its model's recent rate; the
     * private ladders' jobs as one line (see {@link ScoringQueue#shownJobs}) whose time left is theirs together, their
     * errors with private names taken out.
     */
    public List<Progress> progress(long submissionId, VisibleLadders shown) {
        List<ScoringJobRepository.JobRow> all = jobs.jobsOf(submissionId);
        Rates rates = ratesFor(all.stream().filter(j -> !finished(j.status())).map(ScoringJobRepository.JobRow::unfinished)
                .toList());
        Map<Long, Eta> etas = new java.util.HashMap<>();
        for (ScoringJobRepository.JobRow j : all) {
            etas.put(j.id(), finished(j.status()) ? Eta.NONE : rates.eta(j.unfinished()));
        }
        Eta hidden = together(all.stream().filter(j -> !shown.shows(j.ladder())).map(j -> etas.get(j.id())).toList());
        return ScoringQueue.shownJobs(all, shown).stream()
                .map(j -> {
                    Eta eta = j.id() == 0 ? hidden : etas.get(j.id());
                    return new Progress(j.id(), j.ladder(), j.model(), j.status(), j.attempt(), j.examplesDone(),
                            j.examplesTotal(), j.examplesPerSecond(), eta.seconds(), eta.basis(),
                            etaWords(eta.seconds(), eta.basis()), j.modelLoadSeconds(), shown.scrub(j.errorMessage()),
                            j.shots(), j.fewshotSeed());
                })
                .toList();
    }

    /** Several jobs' time left as one: the sum, as sure as the least sure of them; {@link Eta#NONE} when all are done. */
    static Eta together(List<Eta> etas) {
        List<Eta> open = etas.stream().filter(e -> e.basis() != null).toList();
        if (open.isEmpty()) {
            return Eta.NONE;
        }
        EtaBasis basis = open.stream().map(Eta::basis).max(java.util.Comparator.naturalOrder()).orElseThrow();
        if (basis == EtaBasis.UNKNOWN) {
            return new Eta(null, EtaBasis.UNKNOWN);
        }
        return new Eta(open.stream().mapToDouble(Eta::seconds).sum(), basis);
    }

    /**
     * The time left for the whole submission: the sum over its unfinished jobs (as if one worker scored them one
     * after another), or null when one of them has no estimate or nothing is left to do.
     */
    public static Double etaSeconds(List<Progress> progress) {
        double sum = 0;
        boolean any = false;
        for (Progress p : progress) {
            if (finished(p.status())) {
                continue;
            }
            if (p.etaSeconds() == null) {
                return null;
            }
            sum += p.etaSeconds();
            any = true;
        }
        return any ? sum : null;
    }

    /** "2 min 5 s", "about 4 min (from the same model's recent rate)", "unknown"; empty when there is no estimate. */
    public static String etaWords(Double seconds, EtaBasis basis) {
        if (basis == null) {
            return "";
        }
        if (seconds == null || basis == EtaBasis.UNKNOWN) {
            return EtaBasis.UNKNOWN.words();
        }
        String time = duration(Math.round(seconds));
        return basis == EtaBasis.MEASURED ? time : "about " + time + " (" + basis.words() + ")";
    }

    /** The submission's time left in words (see {@link #etaSeconds}); empty when nothing is left to score. */
    public static String submissionEtaWords(List<Progress> progress) {
        if (progress.stream().allMatch(p -> finished(p.status()))) {
            return "";
        }
        Double total = etaSeconds(progress);
        if (total == null) {
            return EtaBasis.UNKNOWN.words();
        }
        boolean measured = progress.stream().filter(p -> !finished(p.status()))
                .allMatch(p -> p.etaBasis() == EtaBasis.MEASURED);
        return (measured ? "" : "about ") + duration(Math.round(total));
    }

    private static String duration(long s) {
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long minutes = (s + 30) / 60;
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    static boolean finished(String status) {
        return !"QUEUED".equals(status) && !"RUNNING".equals(status);
    }

    /** What the estimate needs of a job that is not finished. */
    record Unfinished(String ladder, String model, long modelParameters, String status, int examplesDone,
                      int examplesTotal, Double examplesPerSecond) {
    }

    /** A time left and where its rate came from; {@link #NONE} for a finished job. */
    record Eta(Double seconds, EtaBasis basis) {
        static final Eta NONE = new Eta(null, null);
    }

    /** The recent measured rates of the ladders' models, read once for a set of jobs (only when one needs them). */
    private Rates ratesFor(List<Unfinished> unfinished) {
        boolean needed = unfinished.stream().anyMatch(u -> !measured(u));
        List<String> ladders = unfinished.stream().map(Unfinished::ladder).distinct().toList();
        return new Rates(needed && !ladders.isEmpty() ? jobs.recentRates(ladders, RATE_SAMPLES) : List.of());
    }

    private static boolean measured(Unfinished u) {
        return "RUNNING".equals(u.status()) && u.examplesPerSecond() != null && u.examplesPerSecond() > 0;
    }

    /**
     * The one computation of time left. A running job with a measured rate: what is left at that rate. Otherwise
     * the same model's recent rate; failing that, the nearest-sized model of the same ladder, its rate scaled by
     * the ratio of their sizes (a model's cost per example grows about in proportion to its parameters); failing
     * that, unknown.
     */
    record Rates(List<ScoringJobRepository.ModelRate> measured) {

        Eta eta(Unfinished u) {
            int left = Math.max(0, u.examplesTotal() - u.examplesDone());
            if (ScoringResults.measured(u)) {
                return new Eta(left / u.examplesPerSecond(), EtaBasis.MEASURED);
            }
            for (ScoringJobRepository.ModelRate r : measured) {
                if (r.ladder().equals(u.ladder()) && r.model().equals(u.model())) {
                    return new Eta(left / r.examplesPerSecond(), EtaBasis.SAME_MODEL);
                }
            }
            return measured.stream()
                    .filter(r -> r.ladder().equals(u.ladder()) && r.modelParameters() > 0 && u.modelParameters() > 0)
                    .min(java.util.Comparator.comparingDouble(r -> Math.abs(Math.log((double) r.modelParameters()
                            / u.modelParameters()))))
                    .map(r -> new Eta(left / (r.examplesPerSecond() * r.modelParameters() / u.modelParameters()),
                            EtaBasis.SAME_LADDER))
                    .orElse(new Eta(null, EtaBasis.UNKNOWN));
        }
    }

    /**
     * Every per-example score as JSON lines, in file order and then ladder order: the example's position, part and
     * row, the model, its K ({@code shots}; with the {@code seed} that drew the demonstrations when K &gt; 0), and its
     * outputs (as the prize's labelled_data kept them), on the ladders this viewer may see. {@code partName} gives
     * each part's name as the reader may see it (a judge sees part labels, not file names).
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
    public record QueueView(Map<String, Integer> jobsByStatus, List<WorkerRow> workers, List<RunningJob> running,
                            List<FailedJob> failed) {
    }

    public record WorkerRow(String id, String host, Instant heartbeatAt, long heartbeatAgeSeconds, Long currentJob,
                            String currentModel, Double examplesPerSecond, boolean stopped) {

        /** Not stopped, and no heartbeat within {@link #WORKER_SILENT_AFTER}. */
        public boolean silent() {
            return !stopped && heartbeatAgeSeconds > WORKER_SILENT_AFTER.toSeconds();
        }
    }

    /** A job being scored now, with its time left, for the organizers' queue page. */
    public record RunningJob(long jobId, long submissionId, String taskName, String ladder, String model,
                             int examplesDone, int examplesTotal, Double examplesPerSecond, String worker,
                             Double etaSeconds, EtaBasis etaBasis) {

        public String etaText() {
            return etaWords(etaSeconds, etaBasis);
        }
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
        List<ScoringJobRepository.RunningRow> running = jobs.runningJobs();
        Rates rates = ratesFor(running.stream().map(ScoringJobRepository.RunningRow::job).toList());
        return new QueueView(counts, jobs.workers(), running.stream().map(r -> {
            Eta eta = rates.eta(r.job());
            return new RunningJob(r.jobId(), r.submissionId(), r.taskName(), r.job().ladder(), r.job().model(),
                    r.job().examplesDone(), r.job().examplesTotal(), r.job().examplesPerSecond(), r.worker(),
                    eta.seconds(), eta.basis());
        }).toList(), jobs.failedJobs());
    }
}
