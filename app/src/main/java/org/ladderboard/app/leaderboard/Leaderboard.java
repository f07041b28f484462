package org.ladderboard.app.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ladderboard.app.analysis.LadderAnalysis;
import org.ladderboard.app.analysis.ScalingCurve;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.submission.Cause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One row per scored submission of a round: its verdict on every ladder (in the task's headline metric), the curve
 * as a sparkline, and how much scale costs it. Authors are never shown here.
 */
@Service
public class Leaderboard {

    /** A ladder's verdict for one submission, in the headline view. */
    public record Entry(String ladder, String verdict, String strength, double dropBestToLargest, String sparkline) {
    }

    public record Row(long id, String taskName, String cause, String causeLabel, String taskType, int examples,
                      Map<String, Entry> ladders, double drop, int inverseLadders) {

        /** The leading verdict: the first ladder's. */
        public String verdict() {
            return ladders.values().stream().findFirst().map(Entry::verdict).orElse("");
        }
    }

    private final JdbcClient jdbc;
    private final LadderAnalysis analysis;

    public Leaderboard(JdbcClient jdbc, LadderAnalysis analysis) {
        this.jdbc = jdbc;
        this.analysis = analysis;
    }

    public List<Row> rows(Round round, String cause, String verdict, String sort, boolean descending) {
        record Scored(long id, String name, String cause, String taskType, int examples) {
        }
        List<Scored> scored = jdbc.sql("select id, task_name, cause, task_type, example_count from submission "
                        + "where round_id = ? and status = 'SCORED' order by id")
                .param(round.getId())
                .query((rs, n) -> new Scored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
        Map<Long, List<LadderAnalysis.Summary>> cached = analysis.freshSummaries(round.getId()).stream()
                .collect(java.util.stream.Collectors.groupingBy(LadderAnalysis.Summary::submissionId));
        List<Row> rows = new ArrayList<>();
        for (Scored s : scored) {
            if (cause != null && !cause.isBlank() && !cause.equals(s.cause())) {
                continue;
            }
            String headline = LadderAnalysis.views(s.taskType()).get(0);
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (LadderAnalysis.Summary c : cached.getOrDefault(s.id(), List.of())) {
                if (c.view().equals(headline)) {
                    entries.put(c.ladder(), new Entry(c.ladder(), c.verdict(), c.strength(), c.dropBestToLargest(),
                            sparkline(c.means(), c.lowerIsBetter(), c.verdict())));
                }
            }
            if (entries.isEmpty()) {
                // not cached yet (or stale): compute now, which caches it for the next view
                for (ScalingCurve c : analysis.curves(s.id(), s.taskType())) {
                    if (c.view().equals(headline)) {
                        entries.put(c.ladder(), new Entry(c.ladder(), c.verdict().verdict(), c.verdict().strength(),
                                c.verdict().dropBestToLargest(), sparkline(c)));
                    }
                }
            }
            Row row = new Row(s.id(), s.name(), s.cause(), Cause.fromId(s.cause()).map(Cause::label).orElse(s.cause()),
                    s.taskType(), s.examples(), entries,
                    entries.values().stream().mapToDouble(Entry::dropBestToLargest).filter(Double::isFinite).max().orElse(0),
                    (int) entries.values().stream().filter(e -> e.verdict().equals("inverse")).count());
            if (verdict == null || verdict.isBlank() || row.verdict().equals(verdict)) {
                rows.add(row);
            }
        }
        Comparator<Row> order = switch (sort == null ? "" : sort) {
            case "name" -> Comparator.comparing(r -> r.taskName().toLowerCase(Locale.ROOT));
            case "examples" -> Comparator.comparingInt(Row::examples);
            case "verdict" -> Comparator.comparing(Row::verdict);
            case "cause" -> Comparator.comparing(Row::causeLabel);
            default -> Comparator.comparingInt(Row::inverseLadders).thenComparingDouble(Row::drop);
        };
        boolean byDefault = sort == null || sort.isBlank();
        rows.sort(descending || byDefault ? order.reversed() : order);
        return rows;
    }

    /** The curve's means as a 100 × 24 line, better up; computed from stored numbers only. */
    static String sparkline(ScalingCurve c) {
        return sparkline(c.points().stream().mapToDouble(ScalingCurve.Point::mean).toArray(), c.lowerIsBetter(), c.verdict().verdict());
    }

    static String sparkline(double[] rawMeans, boolean lowerIsBetter, String verdict) {
        double[] means = java.util.Arrays.stream(rawMeans).map(m -> lowerIsBetter ? -m : m).toArray();
        double min = java.util.Arrays.stream(means).min().orElse(0);
        double max = java.util.Arrays.stream(means).max().orElse(1);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < means.length; i++) {
            double x = 4 + 92.0 * i / Math.max(1, means.length - 1);
            double y = max == min ? 12 : 20 - 16 * (means[i] - min) / (max - min);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"24\" viewBox=\"0 0 100 24\" role=\"img\" "
                + "aria-label=\"curve: " + verdict + "\"><polyline fill=\"none\" stroke=\"#0b57d0\" stroke-width=\"2\" points=\""
                + points.toString().trim() + "\"/></svg>";
    }
}
