package org.ladderboard.app.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.app.round.VisibleLadders;
import org.springframework.stereotype.Component;

/**
 * A few-shot sweep's curves as pages show them: for each ladder and view one chart with a curve per K on the same
 * axes, a verdict per K (or why a K is not plotted), and the sentence that answers the paper's question. Reads what
 * the queue's {@code CurveStore} stored; the words are {@link VerdictWords}', the drawing {@link CurveChart}'s.
 */
@Component
public class FewShotCurves {

    /** One ladder and view of a sweep: its chart (absent when no K could be plotted) and what each K shows. */
    public record Chart(String ladder, String view, String metric, String svg, List<String> verdicts,
                        String demonstrations) {
    }

    /**
     * A submission's sweep: a chart per ladder and view, the paper's question answered per ladder in the task's
     * headline view, and the K's still being scored or whose scoring failed.
     */
    public record Sweep(long submissionId, List<Chart> charts, List<String> demonstrations, List<Integer> pending,
                        List<Integer> failed) {
    }

    private final CurveRepository curves;
    private final CurveChart chart;
    private final VerdictWords words;

    FewShotCurves(CurveRepository curves, CurveChart chart, VerdictWords words) {
        this.curves = curves;
        this.chart = chart;
        this.words = words;
    }

    /**
     * The submission's sweep on the ladders this viewer may see, or null when it was scored zero-shot only (its pages
     * look as they always did).
     */
    Sweep of(long submissionId, String taskType, VisibleLadders ladders) {
        List<CurveRepository.ShotCurve> stored = ladders.filter(curves.sweep(submissionId), c -> c.curve().ladder());
        List<CurveRepository.ShotWithoutCurves> missing = ladders.filter(curves.shotsWithoutCurves(submissionId),
                CurveRepository.ShotWithoutCurves::ladder);
        if (stored.isEmpty() && missing.isEmpty()) {
            return null;
        }
        List<Integer> failed = missing.stream().filter(CurveRepository.ShotWithoutCurves::failed)
                .map(CurveRepository.ShotWithoutCurves::shots).distinct().toList();
        List<Integer> pending = missing.stream().filter(m -> !m.failed()).map(CurveRepository.ShotWithoutCurves::shots)
                .distinct().filter(k -> !failed.contains(k)).toList();
        List<String> views = ScalingCurve.views(taskType);
        Map<String, Map<String, List<CurveRepository.ShotCurve>>> byLadder = new LinkedHashMap<>();
        for (CurveRepository.ShotCurve c : stored) {
            byLadder.computeIfAbsent(c.curve().ladder(), l -> new LinkedHashMap<>())
                    .computeIfAbsent(c.curve().view(), v -> new ArrayList<>()).add(c);
        }
        List<Chart> charts = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        byLadder.forEach((ladder, byView) -> {
            for (String view : views) {
                List<CurveRepository.ShotCurve> perShot = byView.getOrDefault(view, List.of());
                if (perShot.isEmpty()) {
                    continue;
                }
                Chart c = chart(ladder, view, perShot);
                charts.add(c);
                if (view.equals(views.get(0)) && !c.demonstrations().isEmpty()) {
                    answers.add(byLadder.size() > 1 ? ladder + ": " + c.demonstrations() : c.demonstrations());
                }
            }
        });
        return new Sweep(submissionId, charts, answers, pending, failed);
    }

    /** One ladder and view's plotted K's as the chart draws them, for its SVG and PNG downloads; empty when none. */
    List<CurveChart.Series> series(long submissionId, String ladder, String view) {
        return curves.sweep(submissionId).stream()
                .filter(c -> c.curve().ladder().equals(ladder) && c.curve().view().equals(view) && c.unfitModel() == null)
                .map(c -> new CurveChart.Series(words.shotsLabel(c.shots()), c.curve())).toList();
    }

    private Chart chart(String ladder, String view, List<CurveRepository.ShotCurve> perShot) {
        List<CurveChart.Series> series = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        SortedMap<Integer, String> plotted = new TreeMap<>();
        List<Integer> unfit = new ArrayList<>();
        for (CurveRepository.ShotCurve c : perShot) {
            if (c.unfitModel() != null) {
                verdicts.add(words.unfit(c.shots(), c.unfitModel(), c.unfitShare()));
                unfit.add(c.shots());
            } else {
                series.add(new CurveChart.Series(words.shotsLabel(c.shots()), c.curve()));
                verdicts.add(words.perShot(c.shots(), c.curve()));
                plotted.put(c.shots(), c.curve().verdict().verdict());
            }
        }
        String metric = perShot.get(0).curve().metric();
        String svg = series.isEmpty() ? null : chart.svg(series, metric + ", one curve per K");
        return new Chart(ladder, view, metric, svg, verdicts, words.demonstrations(view, plotted, unfit));
    }
}
