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
import org.ladderboard.app.round.VisibleLadders;
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

        /** The row as a viewer sees it: only the ladders they may see, its drop and inverse count from those alone. */
        Row on(VisibleLadders shown) {
            if (!shown.hidesAny()) {
                return this;
            }
            Map<String, Entry> kept = new LinkedHashMap<>(ladders);
            kept.keySet().removeIf(l -> !shown.shows(l));
            return of(id, taskName, cause, causeLabel, taskType, examples, kept, curvesBeingComputed);
        }

        /** A row with its drop (the largest over its ladders) and how many of its ladders scale inversely. */
        static Row of(long id, String taskName, String cause, String causeLabel, String taskType, int examples,
                      Map<String, Entry> ladders, boolean curvesBeingComputed) {
            return new Row(id, taskName, cause, causeLabel, taskType, examples, ladders,
                    ladders.values().stream().mapToDouble(Entry::dropBestToLargest).filter(Double::isFinite).max().orElse(0),
                    (int) ladders.values().stream().filter(e -> e.verdict().equals("inverse")).count(), curvesBeingComputed);
        }
    }

    /** The sort that ranks by one ladder: inverse scaling on it first, then its largest drop. */
    public static final String BY_LADDER = "ladder:";

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

    /** {@code shown}: the ladders this viewer may see ({@code LadderVisibility}); the others are not in any row. */
    public Page page(Round round, VisibleLadders shown, String cause, String verdict, String sort, boolean descending,
                     int page, int size) {
        size = pageSize(size);
        List<Row> rows = rows(round, shown, cause, verdict, sort, descending);
        Page whole = new Page(List.of(), 1, size, rows.size());
        int number = Math.min(Math.max(1, page), whole.pages());
        return new Page(rows.subList(Math.min(rows.size(), (number - 1) * size), Math.min(rows.size(), number * size)),
                number, size, rows.size());
    }

    /**
     * The round's rows on the ladders this viewer may see, filtered and sorted; {@code sort} {@code ladder:NAME} ranks
     * by one of those ladders (judges can rank by a held-out one; a ladder the viewer may not see ranks as the default).
     */
    public List<Row> rows(Round round, VisibleLadders shown, String cause, String verdict, String sort, boolean descending) {
        String byLadder = sort != null && sort.startsWith(BY_LADDER) && shown.shows(sort.substring(BY_LADDER.length()))
                ? sort.substring(BY_LADDER.length()) : null;
        Comparator<Row> order = byLadder != null ? Comparator.<Row>comparingInt(r -> inverseOn(r, byLadder))
                .thenComparingDouble(r -> dropOn(r, byLadder)) : switch (sort == null ? "" : sort) {
            case "name" -> Comparator.comparing(r -> r.taskName().toLowerCase(Locale.ROOT));
            case "examples" -> Comparator.comparingInt(Row::examples);
            case "verdict" -> Comparator.comparing(Row::verdict);
            case "cause" -> Comparator.comparing(Row::causeLabel);
            default -> Comparator.comparingInt(Row::inverseLadders).thenComparingDouble(Row::drop);
        };
        boolean byDefault = sort == null || sort.isBlank() || sort.startsWith(BY_LADDER);
        return snapshot(round).rows().stream().map(r -> r.on(shown))
                .filter(r -> cause == null || cause.isBlank() || cause.equals(r.cause()))
                .filter(r -> verdict == null || verdict.isBlank() || r.verdict().equals(verdict))
                .sorted(descending || byDefault ? order.reversed() : order)
                .toList();
    }

    private static int inverseOn(Row row, String ladder) {
        Entry e = row.ladders().get(ladder);
        return e != null && e.verdict().equals("inverse") ? 1 : 0;
    }

    private static double dropOn(Row row, String ladder) {
        Entry e = row.ladders().get(ladder);
        return e == null || !Double.isFinite(e.dropBestToLargest()) ? Double.NEGATIVE_INFINITY : e.dropBestToLargest();
    }

    /**
     * The round's rows on every ladder, rebuilt when a submission of the round was scored, re-queued or had a curve
     * computed since the last build. Reading the version is two indexed aggregates; building is a query plus a sparkline per row,
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
            rows.add(Row.of(s.id(), s.name(), s.cause(), Cause.fromId(s.cause()).map(Cause::label).orElse(s.cause()),
                    s.taskType(), s.examples(), entries, beingComputed.contains(s.id())));
        }
        return List.copyOf(rows);
    }
}
