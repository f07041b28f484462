package org.ladderboard.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.ladderboard.analysis.ScalingCase;
import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.analysis.TrendVerdict;
import org.ladderboard.analysis.Verdict;
import org.ladderboard.ladder.Ladder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place scaling curves and their verdicts are computed: in the transaction that makes a submission SCORED
 * (so no reader ever sees a scored submission whose curves are stale), and for scored submissions stored before
 * curves were computed this way. Per ladder, metric view (see {@link ScalingCurve#views}) and K of a few-shot sweep
 * (0 = the dataset as uploaded), for the whole submission and, for a submission of several parts, for each part. A
 * K &gt; 0 whose prompts mostly had to be cut to fit some model's context ({@link #UNFIT_SHARE}) is stored with that
 * model and share, so pages report it instead of plotting it. Seeded by the submission id, so the verdict is
 * the same every time; each one runs 2,000 bootstrap replicates and 2,000 permutations, which is why pages only
 * read what is stored here.
 */
public final class CurveStore {

    private static final System.Logger LOG = System.getLogger(CurveStore.class.getName());

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A K-shot curve is not plotted when more than this share of its prompts were truncated on any model. */
    public static final double UNFIT_SHARE = 0.5;

    /** The model of a K's ladder on which the largest share of its prompts did not fit, when that is too many. */
    private record Unfit(String model, double share) {
    }

    private final Map<String, Ladder> ladders;

    public CurveStore(List<Ladder> ladders) {
        this.ladders = ladders.stream().collect(Collectors.toMap(Ladder::name, Function.identity(), (a, b) -> a));
    }

    /**
     * If the submission is SCORED (as seen inside {@code c}'s transaction), replaces its curves with ones computed
     * from its stored scores; otherwise does nothing. Marks them computed ({@code curves_at}) only when it knew every
     * ladder the submission was scored on: a worker configured with fewer ladders leaves the rest to the app's
     * backfill. Returns whether the curves are now complete.
     */
    public boolean storeIfScored(Connection c, long submissionId) throws SQLException {
        Optional<String> taskType = strings(c, "scored_submission", submissionId).stream().findFirst();
        if (taskType.isEmpty()) {
            return false;
        }
        JobQueue.update(c, "drop_curves", submissionId);
        record Part(long id, String name) {
        }
        List<Part> parts = new ArrayList<>();
        try (PreparedStatement ps = JobQueue.prepare(c, "curve_parts", submissionId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.add(new Part(rs.getLong(1), rs.getString(2)));
            }
        }
        boolean complete = true;
        for (String name : strings(c, "curve_ladders", submissionId)) {
            Ladder ladder = ladders.get(name);
            if (ladder == null) {
                complete = false; // not one of this process's ladders
                continue;
            }
            for (String shotsText : strings(c, "curve_shots", submissionId, name)) {
                int shots = Integer.parseInt(shotsText);
                Unfit unfit = shots == 0 ? null : unfit(c, submissionId, name, shots);
                for (String view : ScalingCurve.views(taskType.get())) {
                    Optional<ScalingCurve> whole = curve(c, submissionId, ladder, view, shots, null, null);
                    if (whole.isPresent()) {
                        store(c, submissionId, view, shots, whole.get(), unfit);
                    }
                    for (Part part : parts.size() < 2 ? List.<Part>of() : parts) {
                        Optional<ScalingCurve> ofPart = curve(c, submissionId, ladder, view, shots, part.id(), part.name());
                        if (ofPart.isPresent()) {
                            store(c, submissionId, partKey(view, part.id()), shots, ofPart.get(), unfit);
                        }
                    }
                }
            }
        }
        // a scored submission's curves are recomputed when a K added to its round's sweep finishes: one computed
        // without every ladder is incomplete again, whatever it was before
        JobQueue.update(c, complete ? "mark_curves_computed" : "mark_curves_incomplete", submissionId);
        return complete;
    }

    /**
     * {@link #storeIfScored} behind a savepoint of {@code c}'s transaction: when the curves cannot be computed (a bug
     * in the verdict, a data fault in their statements), what they wrote is rolled back and the rest of the
     * transaction stands. The submission stays without {@code curves_at}, so pages say its curves are being computed
     * and the backfill tries again; the reason goes to the log. A lost connection is not caught: nothing would stand.
     */
    public void storeOrLeaveToBackfill(Connection c, long submissionId) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            storeIfScored(c, submissionId);
            c.releaseSavepoint(before);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                throw sql;
            }
            c.rollback(before);
            LOG.log(System.Logger.Level.ERROR, "the curves of submission " + submissionId + " could not be computed; "
                    + "they are left to the backfill: " + e, e);
        }
    }

    /**
     * Computes the curves of up to {@code limit} scored submissions whose curves were never computed in full, in one
     * transaction that locks them (another instance skips them); one whose curves cannot be computed is skipped, not a
     * stop for the others. Returns how many it took.
     */
    public int storeMissing(DataSource db, int limit) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = scoredWithoutCurves(c, limit);
                for (long id : ids) {
                    storeOrLeaveToBackfill(c, id);
                }
                c.commit();
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Scored submissions whose curves were never computed in full, at most {@code limit}, locked for {@code c}. */
    public static List<Long> scoredWithoutCurves(Connection c, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = JobQueue.prepare(c, "scored_without_curves", limit); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** How a part's curve is keyed among the submission's curves: its view, then the part's id. */
    public static String partKey(String view, long partId) {
        return view + "|part " + partId;
    }

    private static void store(Connection c, long submissionId, String key, int shots, ScalingCurve curve, Unfit unfit)
            throws SQLException {
        double drop = curve.verdict().dropBestToLargest();
        JobQueue.update(c, "store_curve", submissionId, curve.ladder(), key, shots, curve.verdict().verdict(),
                curve.verdict().strength(), Double.isFinite(drop) ? drop : null, JSON.writeValueAsString(curve),
                unfit == null ? null : unfit.model(), unfit == null ? null : unfit.share());
    }

    /** The model with the largest share of truncated K-shot prompts, when more than {@link #UNFIT_SHARE} did not fit. */
    private static Unfit unfit(Connection c, long submissionId, String ladder, int shots) throws SQLException {
        try (PreparedStatement ps = JobQueue.prepare(c, "curve_truncated_share", submissionId, ladder, shots);
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getDouble(2) > UNFIT_SHARE) {
                return new Unfit(rs.getString(1), rs.getDouble(2));
            }
            return null;
        }
    }

    private static Optional<ScalingCurve> curve(Connection c, long submissionId, Ladder ladder, String view, int shots,
                                                Long partId, String partName) throws SQLException {
        List<String> doneModels = strings(c, "curve_done_models", submissionId, ladder.name(), shots);
        List<Ladder.Rung> done = ladder.rungs().stream().filter(r -> doneModels.contains(r.name())).toList();
        if (done.size() < 2) {
            return Optional.empty();
        }
        // examples every finished model scored without error, in file order
        Map<Long, double[]> byExample = new LinkedHashMap<>();
        Map<Long, Integer> classCount = new LinkedHashMap<>();
        for (int m = 0; m < done.size(); m++) {
            try (PreparedStatement ps = JobQueue.prepare(c, "curve_scores", view, submissionId, ladder.name(),
                    done.get(m).name(), shots, partId, partId); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] row = byExample.computeIfAbsent(rs.getLong(1), k -> filled(done.size()));
                    row[m] = rs.getDouble(2);
                    classCount.put(rs.getLong(1), rs.getInt(3));
                }
            }
        }
        List<double[]> complete = byExample.values().stream().filter(r -> Arrays.stream(r).noneMatch(Double::isNaN)).toList();
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

    private static List<String> strings(Connection c, String statement, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = JobQueue.prepare(c, statement, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static double[] filled(int n) {
        double[] row = new double[n];
        Arrays.fill(row, Double.NaN);
        return row;
    }
}
