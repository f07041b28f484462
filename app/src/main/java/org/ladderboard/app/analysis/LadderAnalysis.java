package org.ladderboard.app.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ladderboard.analysis.ScalingCase;
import org.ladderboard.analysis.TrendVerdict;
import org.ladderboard.analysis.Verdict;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.ladder.Ladder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scaling curves and verdicts from stored per-example scores, per ladder and metric view: loss and accuracy for
 * classification (accuracy first for classification_acc), loss for sequence_prob, the difference for logodds.
 * Seeded by the submission id, so a page shows the same verdict every time; kept in {@code ladder_curve} until the
 * scores change, because each verdict runs 2,000 bootstrap replicates and 2,000 permutations.
 */
@Service
public class LadderAnalysis {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final LadderRegistry ladders;

    public LadderAnalysis(JdbcClient jdbc, LadderRegistry ladders) {
        this.jdbc = jdbc;
        this.ladders = ladders;
    }

    /** The curves of every ladder with at least two finished models. */
    public List<ScalingCurve> curves(long submissionId, String taskType) {
        List<ScalingCurve> out = new ArrayList<>();
        List<String> names = jdbc.sql("select distinct ladder from scoring_job where submission_id = ? and status = 'DONE' order by ladder")
                .param(submissionId).query(String.class).list();
        for (String name : names) {
            Optional<Ladder> ladder = ladders.find(name);
            if (ladder.isEmpty()) {
                continue;
            }
            String fingerprint = fingerprint(submissionId, name);
            for (String view : views(taskType)) {
                cached(submissionId, name, view, fingerprint)
                        .or(() -> curve(submissionId, ladder.get(), view, null, null).map(c -> store(submissionId, view, c, fingerprint)))
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * For a submission of several parts, each part's curves in every metric view on every ladder: parts are scored
     * and judged on their own as well as together.
     */
    public List<ScalingCurve> partCurves(long submissionId, String taskType) {
        record Part(long id, String name) {
        }
        List<Part> parts = jdbc.sql("select id, name from submission_part where submission_id = ? order by position")
                .param(submissionId).query((rs, n) -> new Part(rs.getLong(1), rs.getString(2))).list();
        List<ScalingCurve> out = new ArrayList<>();
        if (parts.size() < 2) {
            return out;
        }
        List<String> names = jdbc.sql("select distinct ladder from scoring_job where submission_id = ? and status = 'DONE' order by ladder")
                .param(submissionId).query(String.class).list();
        for (Part part : parts) {
            for (String name : names) {
                Optional<Ladder> ladder = ladders.find(name);
                if (ladder.isEmpty()) {
                    continue;
                }
                String fingerprint = fingerprint(submissionId, name);
                for (String view : views(taskType)) {
                    String key = view + "|part " + part.id();
                    cached(submissionId, name, key, fingerprint)
                            .or(() -> curve(submissionId, ladder.get(), view, part.id(), part.name()).map(c -> store(submissionId, key, c, fingerprint)))
                            .ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** What the leaderboard shows of one cached curve, read without parsing the curve. */
    public record Summary(long submissionId, String ladder, String view, String verdict, String strength,
                          double dropBestToLargest, boolean lowerIsBetter, double[] means) {
    }

    /**
     * The cached whole-submission curves of a round's scored submissions in one query, for the leaderboard. A curve
     * counts as fresh when it was computed after its ladder's last job finished (a re-score finishes jobs later, so
     * it makes the old curve stale); stale or missing ones are simply absent and the caller computes them.
     */
    public List<Summary> freshSummaries(long roundId) {
        return jdbc.sql("""
                        select c.submission_id, c.ladder, c.view, c.verdict, c.strength, c.drop_best_to_largest,
                               (c.curve ->> 'lowerIsBetter')::boolean, jsonb_path_query_array(c.curve, '$.points[*].mean')::text
                        from ladder_curve c join submission s on s.id = c.submission_id
                        where s.round_id = ? and s.status = 'SCORED' and position('|' in c.view) = 0
                          and c.computed_at >= (select max(j.finished_at) from scoring_job j
                                                where j.submission_id = c.submission_id and j.ladder = c.ladder)
                        order by c.submission_id, c.ladder""")
                .param(roundId)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6) == null ? Double.NaN : rs.getDouble(6), rs.getBoolean(7),
                        JSON.readValue(rs.getString(8), double[].class)))
                .list();
    }

    /** Changes whenever the ladder's scores for the submission change (more models done, a re-score). */
    private String fingerprint(long submissionId, String ladder) {
        return jdbc.sql("select count(*) || ':' || coalesce(max(scored_at)::text, '') from example_score "
                        + "where submission_id = ? and ladder = ?")
                .params(submissionId, ladder).query(String.class).single();
    }

    private Optional<ScalingCurve> cached(long submissionId, String ladder, String view, String fingerprint) {
        return jdbc.sql("select curve::text from ladder_curve where submission_id = ? and ladder = ? and view = ? and fingerprint = ?")
                .params(submissionId, ladder, view, fingerprint).query(String.class).optional()
                .map(json -> JSON.readValue(json, ScalingCurve.class));
    }

    private ScalingCurve store(long submissionId, String key, ScalingCurve curve, String fingerprint) {
        jdbc.sql("""
                        insert into ladder_curve (submission_id, ladder, view, fingerprint, verdict, strength, drop_best_to_largest, curve)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        on conflict (submission_id, ladder, view) do update set fingerprint = excluded.fingerprint,
                            verdict = excluded.verdict, strength = excluded.strength,
                            drop_best_to_largest = excluded.drop_best_to_largest, curve = excluded.curve, computed_at = now()""")
                .params(submissionId, curve.ladder(), key, fingerprint, curve.verdict().verdict(),
                        curve.verdict().strength(), finiteOrNull(curve.verdict().dropBestToLargest()), JSON.writeValueAsString(curve))
                .update();
        return curve;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The metric views of a task type, the headline one first. */
    public static List<String> views(String taskType) {
        return switch (taskType) {
            case "classification" -> List.of("loss", "accuracy");
            case "classification_acc" -> List.of("accuracy", "loss");
            case "sequence_prob" -> List.of("loss");
            default -> List.of("logodds");
        };
    }

    private Optional<ScalingCurve> curve(long submissionId, Ladder ladder, String view, Long partId, String partName) {
        List<Ladder.Rung> done = ladder.rungs().stream().filter(r -> jdbc.sql(
                        "select count(*) from scoring_job where submission_id = ? and ladder = ? and model = ? and status = 'DONE'")
                .params(submissionId, ladder.name(), r.name()).query(Integer.class).single() > 0).toList();
        if (done.size() < 2) {
            return Optional.empty();
        }
        String column = switch (view) {
            case "accuracy" -> "case when s.correct then 1.0 else 0.0 end";
            case "logodds" -> "s.logodds_difference";
            default -> "s.loss";
        };
        // examples every finished model scored without error, in file order
        Map<Long, double[]> byExample = new LinkedHashMap<>();
        Map<Long, Integer> classCount = new LinkedHashMap<>();
        for (int m = 0; m < done.size(); m++) {
            final int model = m;
            jdbc.sql("select e.position, " + column + ", coalesce(jsonb_array_length(e.classes), 0) from example_score s "
                            + "join example e on e.id = s.example_id where s.submission_id = ? and s.ladder = ? and s.model = ? "
                            + "and s.error is null and (cast(? as bigint) is null or e.part_id = ?) order by e.position")
                    .params(submissionId, ladder.name(), done.get(m).name(), partId, partId)
                    .query(rs -> {
                        double[] row = byExample.computeIfAbsent(rs.getLong(1), k -> filled(done.size()));
                        row[model] = rs.getDouble(2);
                        classCount.put(rs.getLong(1), rs.getInt(3));
                    });
        }
        List<double[]> complete = byExample.values().stream().filter(r -> java.util.Arrays.stream(r).noneMatch(Double::isNaN)).toList();
        if (complete.size() < 2) {
            return Optional.empty();
        }
        double[][] scores = new double[done.size()][complete.size()];
        for (int i = 0; i < complete.size(); i++) {
            for (int m = 0; m < done.size(); m++) {
                scores[m][i] = complete.get(i)[m];
            }
        }
        boolean lowerIsBetter = !view.equals("accuracy");
        double[] x = done.stream().mapToDouble(r -> Math.log10(scale(ladder, r))).toArray();
        Verdict verdict = TrendVerdict.decide(new ScalingCase(x, scores, !lowerIsBetter, submissionId));
        return Optional.of(ScalingCurve.of(ladder.name(), view, xLabel(ladder), lowerIsBetter,
                done.stream().map(Ladder.Rung::name).toList(), done.stream().mapToLong(Ladder.Rung::parameters).toArray(), x,
                baseline(view, classCount), verdict, partName));
    }

    /** Chance: mean ln k for loss, mean 1/k for accuracy (k classes per example); none for the other metrics. */
    private static Double baseline(String view, Map<Long, Integer> classCount) {
        if (!view.equals("loss") && !view.equals("accuracy") || classCount.values().stream().anyMatch(k -> k < 2)) {
            return null;
        }
        return classCount.values().stream().mapToDouble(k -> view.equals("loss") ? Math.log(k) : 1.0 / k).average().orElse(Double.NaN);
    }

    private static double scale(Ladder ladder, Ladder.Rung rung) {
        return switch (ladder.xAxis()) {
            case "flops" -> rung.trainingFlops() == null ? rung.parameters() : rung.trainingFlops();
            case "tokens" -> rung.trainingTokens() == null ? rung.parameters() : rung.trainingTokens();
            default -> rung.parameters();
        };
    }

    private static String xLabel(Ladder ladder) {
        return switch (ladder.xAxis()) {
            case "flops" -> "training FLOPs (6·N·D, log scale)";
            case "tokens" -> "training tokens (log scale)";
            default -> "parameters (log scale)";
        };
    }

    private static double[] filled(int n) {
        double[] row = new double[n];
        java.util.Arrays.fill(row, Double.NaN);
        return row;
    }
}
