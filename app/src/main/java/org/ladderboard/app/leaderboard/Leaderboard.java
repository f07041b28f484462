package org.ladderboard.app.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.ladderboard.analysis.TrendShape;
import org.ladderboard.analysis.TrendStrength;
import org.ladderboard.app.analysis.CurveChart;
import org.ladderboard.app.analysis.LadderAnalysis;
import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.submission.Cause;
import org.ladderboard.dataset.TaskType;
import org.springframework.stereotype.Service;

/**
 * One row per scored submission of a round: its verdict on every ladder (in the task's headline metric), the curve
 * as a sparkline, and how much scale costs it. Authors are never shown here.
 */
@Service
public class Leaderboard {

    /**
     * A ladder's verdict for one submission, in the headline view; {@code metric} says what the sparkline plots, as
     * the submission's chart does.
     */
    public record Entry(String ladder, String verdict, String strength, double dropBestToLargest, String sparkline,
                        String metric) {

        public String verdictLabel() {
            return TrendShape.labelOf(verdict);
        }

        public String strengthLabel() {
            return TrendStrength.labelOf(strength);
        }
    }

    /** {@code curvesBeingComputed}: scored, but its curves are not stored yet; the row shows that, not a verdict. */
    public record Row(long id, String taskName, String cause, String causeLabel, String taskType, int examples,
                      Map<String, Entry> ladders, double drop, int inverseLadders, boolean curvesBeingComputed) {

        /** The leading verdict: the first ladder's. */
        public String verdict() {
            return ladders.values().stream().findFirst().map(Entry::verdict).orElse("");
        }

        public String verdictLabel() {
            return TrendShape.labelOf(verdict());
        }

        public String taskTypeLabel() {
            return TaskType.labelOf(taskType);
        }
    }

    private final LeaderboardRepository repository;
    private final LadderAnalysis analysis;

    /**
     * Who sees a round's leaderboard and the task cards it links to: judges and organizers always; contestants once
     * an organizer reveals it; visitors who are not signed in ({@code viewer} null) only while it is revealed and made
     * public.
     */
    public static boolean shownTo(org.ladderboard.app.account.Account viewer, Round round) {
        if (viewer == null) {
            return round.isLeaderboardRevealed() && round.isLeaderboardPublic();
        }
        return viewer.getRole() != org.ladderboard.app.account.Role.CONTESTANT || round.isLeaderboardRevealed();
    }

    Leaderboard(LeaderboardRepository repository, LadderAnalysis analysis) {
        this.repository = repository;
        this.analysis = analysis;
    }

    /** One page of rows, 1-based, with what the page links need. */
    public record Page(List<Row> rows, int number, int size, int total) {

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }

        public int first() {
            return total == 0 ? 0 : (number - 1) * size + 1;
        }

        public int last() {
            return Math.min(total, number * size);
        }
    }

    /** Every row of a round at the moment {@code version} was read; rebuilt only when that changes. */
    private record Snapshot(String version, List<Row> rows) {
    }

    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

    /** Rows a page holds: what was asked for, between 10 and 500. */
    public static int pageSize(int asked) {
        return Math.min(Math.max(asked, 10), 500);
    }

    public Page page(Round round, String cause, String verdict, String sort, boolean descending, int page, int size) {
        size = pageSize(size);
        List<Row> rows = rows(round, cause, verdict, sort, descending);
        Page whole = new Page(List.of(), 1, size, rows.size());
        int number = Math.min(Math.max(1, page), whole.pages());
        return new Page(rows.subList(Math.min(rows.size(), (number - 1) * size), Math.min(rows.size(), number * size)),
                number, size, rows.size());
    }

    public List<Row> rows(Round round, String cause, String verdict, String sort, boolean descending) {
        Comparator<Row> order = switch (sort == null ? "" : sort) {
            case "name" -> Comparator.comparing(r -> r.taskName().toLowerCase(Locale.ROOT));
            case "examples" -> Comparator.comparingInt(Row::examples);
            case "verdict" -> Comparator.comparing(Row::verdict);
            case "cause" -> Comparator.comparing(Row::causeLabel);
            default -> Comparator.comparingInt(Row::inverseLadders).thenComparingDouble(Row::drop);
        };
        boolean byDefault = sort == null || sort.isBlank();
        return snapshot(round).rows().stream()
                .filter(r -> cause == null || cause.isBlank() || cause.equals(r.cause()))
                .filter(r -> verdict == null || verdict.isBlank() || r.verdict().equals(verdict))
                .sorted(descending || byDefault ? order.reversed() : order)
                .toList();
    }

    /**
     * The round's rows, rebuilt when a submission of the round was scored, re-queued or had a curve computed since
     * the last build. Reading the version is two indexed aggregates; building is a query plus a sparkline per row,
     * which under load was most of the page's time. Building only reads stored curves (never computes one), so a
     * submission whose curves are still being computed cannot hold up the build, nor the requests waiting for it.
     */
    private Snapshot snapshot(Round round) {
        String version = repository.version(round.getId());
        Snapshot current = snapshots.get(round.getId());
        if (current != null && current.version().equals(version)) {
            return current;
        }
        synchronized (this) { // one build at a time: a burst of requests after a change waits for one build
            current = snapshots.get(round.getId());
            if (current == null || !current.version().equals(version)) {
                // labelled with the version read before building, so a change made meanwhile triggers another build
                current = new Snapshot(version, build(round.getId()));
                snapshots.put(round.getId(), current);
            }
            return current;
        }
    }

    private List<Row> build(long roundId) {
        List<LeaderboardRepository.Scored> scored = repository.scored(roundId);
        Map<Long, List<LadderAnalysis.Summary>> stored = analysis.summaries(roundId).stream()
                .collect(Collectors.groupingBy(LadderAnalysis.Summary::submissionId));
        Set<Long> beingComputed = analysis.beingComputedIn(roundId);
        List<Row> rows = new ArrayList<>();
        for (LeaderboardRepository.Scored s : scored) {
            String headline = ScalingCurve.views(s.taskType()).get(0);
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (LadderAnalysis.Summary c : stored.getOrDefault(s.id(), List.of())) {
                if (c.view().equals(headline)) {
                    entries.put(c.ladder(), new Entry(c.ladder(), c.verdict(), c.strength(), c.dropBestToLargest(),
                            CurveChart.sparkline(c.means(), c.view(), c.lowerIsBetter(), c.verdict()),
                            ScalingCurve.metric(c.view(), c.lowerIsBetter())));
                }
            }
            rows.add(new Row(s.id(), s.name(), s.cause(), Cause.fromId(s.cause()).map(Cause::label).orElse(s.cause()),
                    s.taskType(), s.examples(), entries,
                    entries.values().stream().mapToDouble(Entry::dropBestToLargest).filter(Double::isFinite).max().orElse(0),
                    (int) entries.values().stream().filter(e -> e.verdict().equals("inverse")).count(),
                    beingComputed.contains(s.id())));
        }
        return List.copyOf(rows);
    }
}
