package org.ladderboard.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ladderboard.app.analysis.LadderAnalysis;
import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.app.award.Winners;
import org.ladderboard.app.export.ExportRepository.Task;
import org.ladderboard.app.judging.Reviews;
import org.ladderboard.app.judging.Rubric;
import org.ladderboard.app.leaderboard.Leaderboard;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.dataset.Example;
import org.ladderboard.queue.ExampleTable;
import org.ladderboard.queue.ScoreRecord;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a winners' announcement and a dataset release need: winners (CSV, JSON), the leaderboard (CSV), all
 * submissions with metadata and scores (CSV), and a release bundle (zip) with each winning task's files as
 * submitted, a datasheet, and labelled_data.jsonl joining every model's per-example outputs, as the prize did.
 */
@Service
public class Exports {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ExportRepository store;
    private final Winners winners;
    private final Leaderboard leaderboard;
    private final LadderAnalysis analysis;
    private final Reviews reviews;
    private final org.ladderboard.app.audit.AuditLog audit;

    Exports(ExportRepository store, Winners winners, Leaderboard leaderboard, LadderAnalysis analysis, Reviews reviews,
            org.ladderboard.app.audit.AuditLog audit) {
        this.store = store;
        this.winners = winners;
        this.leaderboard = leaderboard;
        this.analysis = analysis;
        this.reviews = reviews;
        this.audit = audit;
    }

    /** Audits an organizer's download of an export at once (the exports page and the API), before it streams. */
    public void recordDownload(org.ladderboard.app.account.Account organizer, Round round, String kind) {
        audit.record(organizer, "export", "round " + round.getId(), kind);
    }

    /** The export files by name. */
    public static final java.util.Set<String> KINDS = java.util.Set.of("winners.csv", "winners.json", "leaderboard.csv",
            "submissions.csv", "release.zip");

    /**
     * Writes the export named {@code kind} (one of {@link #KINDS}) for the round; the stream stays open. Exports are
     * the organizers' alone, so they hold every ladder, held-out ones too ({@link VisibleLadders#all}).
     */
    public void write(String kind, Round round, OutputStream out) throws IOException {
        if (kind.equals("release.zip")) {
            releaseBundle(round, out);
            return;
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        switch (kind) {
            case "winners.csv" -> winnersCsv(round, w);
            case "winners.json" -> winnersJson(round, w);
            case "leaderboard.csv" -> leaderboardCsv(round, w);
            case "submissions.csv" -> submissionsCsv(round, w);
            default -> throw new IllegalArgumentException("no export " + kind);
        }
        w.flush();
    }

    /** The HTTP content type of an export file. */
    public static String contentType(String kind) {
        return kind.endsWith(".zip") ? "application/zip" : kind.endsWith(".json") ? "application/json" : "text/csv; charset=utf-8";
    }

    public void winnersCsv(Round round, Writer out) throws IOException {
        Map<Long, String> tiers = winners.of(round.getId());
        Map<Long, Task> byId = new LinkedHashMap<>();
        store.tasks(round.getId(), true).forEach(t -> byId.put(t.id(), t));
        try (SafeCsv csv = new SafeCsv(out, List.of("tier", "submission_id", "task_name", "author", "email", "cause", "task_type", "examples"))) {
            for (Map.Entry<Long, String> w : tiers.entrySet()) {
                Task t = byId.get(w.getKey());
                csv.row(w.getValue(), t.id(), t.name(), t.author(), t.email(), t.cause(), t.taskType(), t.examples());
            }
        }
    }

    public void winnersJson(Round round, Writer out) throws IOException {
        Map<Long, String> tiers = winners.of(round.getId());
        Map<Long, Task> byId = new LinkedHashMap<>();
        store.tasks(round.getId(), true).forEach(t -> byId.put(t.id(), t));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<Long, String> w : tiers.entrySet()) {
            Task t = byId.get(w.getKey());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tier", w.getValue());
            m.put("submission_id", t.id());
            m.put("task_name", t.name());
            m.put("author", t.author());
            m.put("email", t.email());
            m.put("cause", t.cause());
            m.put("task_type", t.taskType());
            m.put("examples", t.examples());
            m.put("verdicts", verdicts(t));
            list.add(m);
        }
        out.write(PRETTY.writeValueAsString(Map.of("round", round.getName(), "winners", list)));
        out.flush();
    }

    public void leaderboardCsv(Round round, Writer out) throws IOException {
        List<Leaderboard.Row> rows = leaderboard.rows(round, VisibleLadders.all(), null, null, null, false);
        List<String> ladders = new ArrayList<>(round.getLadders());
        List<String> header = new ArrayList<>(List.of("rank", "submission_id", "task_name", "cause", "task_type", "examples", "drop"));
        List<Integer> sweep = round.getFewShotShots().stream().filter(k -> k > 0).toList();
        ladders.forEach(l -> {
            header.add(l + "_verdict");
            header.add(l + "_strength");
            // a few-shot sweep: each K's verdict in the headline view ("unfit" when its prompts mostly did not fit)
            sweep.forEach(k -> header.add(l + "_" + k + "shot_verdict"));
        });
        try (SafeCsv csv = new SafeCsv(out, header)) {
            int rank = 1;
            for (Leaderboard.Row r : rows) {
                List<Object> cells = new ArrayList<>(List.of(rank++, r.id(), r.taskName(), r.cause(), r.taskType(), r.examples(),
                        String.format(Locale.ROOT, "%.4f", r.drop())));
                List<LadderAnalysis.ShotVerdict> shotVerdicts = sweep.isEmpty() ? List.of() : analysis.shotVerdicts(r.id());
                for (String l : ladders) {
                    Leaderboard.Entry e = r.ladders().get(l);
                    cells.add(e == null ? "" : e.verdict());
                    cells.add(e == null || e.strength() == null ? "" : e.strength());
                    for (int k : sweep) {
                        cells.add(shotVerdict(shotVerdicts, r.taskType(), l, k));
                    }
                }
                csv.row(cells.toArray());
            }
        }
    }

    public void submissionsCsv(Round round, Writer out) throws IOException {
        try (SafeCsv csv = new SafeCsv(out, List.of("submission_id", "task_name", "author", "email", "status", "cause", "task_type",
                "shots", "examples", "description", "why_important", "why_inverse", "generation_procedure", "label_expertise",
                "ladder", "model", "parameters", "mean_loss", "accuracy", "option_mass", "mean_logodds_difference", "truncated", "errors",
                "demonstrations"))) {
            for (Task t : store.tasks(round.getId(), false)) {
                List<Object[]> results = store.modelResults(t.id());
                if (results.isEmpty()) {
                    results = List.<Object[]>of(new Object[] {"", "", "", "", "", "", "", "", "", ""});
                }
                for (Object[] r : results) {
                    List<Object> cells = new ArrayList<>(List.of(t.id(), t.name(), t.author(), t.email(), t.status(), t.cause(),
                            t.taskType(), t.shots(), t.examples(), t.description(), t.whyImportant(), t.whyInverse(),
                            t.generation(), t.expertise()));
                    cells.addAll(java.util.Arrays.asList(r));
                    csv.row(cells.toArray());
                }
            }
        }
    }

    /** The release bundle of the round's winners, written straight to the response as a zip. */
    public void releaseBundle(Round round, OutputStream out) throws IOException {
        Map<Long, String> tiers = winners.of(round.getId());
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Task t : store.tasks(round.getId(), true)) {
                String folder = String.format(Locale.ROOT, "%s-%d-%s/", tiers.get(t.id()), t.id(), slug(t.name()));
                for (ExportRepository.Part part : store.parts(t.id())) {
                    zip.putNextEntry(new ZipEntry(folder + "data/" + safeName(part.fileName())));
                    zip.write(part.content());
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(folder + "datasheet.md"));
                zip.write(datasheet(t, tiers.get(t.id())).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(folder + "labelled_data.jsonl"));
                Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                labelledData(t.id(), w);
                w.flush();
                zip.closeEntry();
            }
        }
    }

    /** One line per example: its columns, then every model's outputs as {@code <model>_<field>} columns. */
    void labelledData(long submissionId, Writer out) throws IOException {
        List<String> ladders = store.scoredLadders(submissionId);
        boolean prefixLadder = ladders.size() > 1;
        Map<Long, Map<String, Object>> lines = new LinkedHashMap<>();
        for (ExampleTable.Stored stored : store.examples(submissionId)) {
            Example e = stored.example();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("index", stored.position());
            line.put("part", e.part());
            line.put("row", e.row());
            line.put("prompt", e.prompt());
            putIfPresent(line, "other_prompt", e.otherPrompt());
            putIfPresent(line, "classes", e.classes());
            putIfPresent(line, "answer_index", e.answerIndex());
            putIfPresent(line, "completion", e.completion());
            e.extra().forEach(line::putIfAbsent);
            lines.put(stored.id(), line);
        }
        store.forEachScore(submissionId, (exampleId, ladder, model, shots, record) -> {
            Map<String, Object> line = lines.get(exampleId);
            // a few-shot sweep's K-shot outputs sit beside the zero-shot ones: <model>_<K>shot_<field>
            String p = (prefixLadder ? ladder + "/" : "") + model + "_" + (shots > 0 ? shots + "shot_" : "");
            ScoreRecord.parse(record).properties().forEach(f -> line.put(p + f.getKey(), f.getValue()));
        });
        for (Map<String, Object> line : lines.values()) {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        }
    }

    private String datasheet(Task t, String tier) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(t.name()).append("\n\n");
        md.append("- Prize tier: ").append(tier).append("\n- Author: ").append(t.author()).append("\n- Task type: ")
                .append(t.taskType()).append("\n- Examples: ").append(t.examples()).append("\n- Shots: ").append(t.shots())
                .append("\n- Hypothesised cause: ").append(t.cause()).append("\n\n");
        section(md, "Description", t.description());
        section(md, "Why the task is important", t.whyImportant());
        section(md, "Why inverse scaling is expected", t.whyInverse());
        section(md, "How the data was generated", t.generation());
        section(md, "Expertise needed to verify the labels", t.expertise());
        md.append("## Verdicts\n\n| ladder | metric | verdict | strength | slope per decade (performance) | examples |\n|---|---|---|---|---|---|\n");
        for (ScalingCurve c : analysis.curves(t.id(), t.taskType(), VisibleLadders.all())) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.4f [%.4f, %.4f] | %d |%n", c.ladder(), c.view(),
                    c.verdict().verdict(), c.verdict().strength() == null ? "" : c.verdict().strength(), c.verdict().beta(),
                    c.verdict().betaInterval()[0], c.verdict().betaInterval()[1], c.examples()));
        }
        Reviews.Summary summary = reviews.summaries(store.roundOf(t.id())).get(t.id());
        md.append("\n## Rubric (mean of judges' scores, 1–5)\n\n");
        if (summary == null || summary.reviews() == 0) {
            md.append("No reviews.\n");
        } else {
            md.append("Reviews: ").append(summary.reviews()).append(" (conflicts of interest: ").append(summary.conflicts()).append(")\n\n");
            for (Rubric c : Rubric.values()) {
                Double mean = summary.means().get(c);
                md.append("- ").append(c.label()).append(": ").append(mean == null ? "—" : String.format(Locale.ROOT, "%.2f", mean)).append('\n');
            }
            summary.overrides().forEach(o -> md.append("- Judge's verdict override: ").append(o).append('\n'));
        }
        md.append("\n`labelled_data.jsonl` holds every example with each model's outputs (`<model>_loss`, `<model>_correct`, ...).\n");
        return md.toString();
    }

    private List<Map<String, Object>> verdicts(Task t) {
        List<Map<String, Object>> out = new ArrayList<>(analysis.curves(t.id(), t.taskType(), VisibleLadders.all()).stream()
                .<Map<String, Object>>map(c -> Map.of("ladder", c.ladder(), "view", c.view(), "verdict", c.verdict().verdict(),
                        "strength", c.verdict().strength() == null ? "" : c.verdict().strength()))
                .toList());
        // a few-shot sweep's K-shot verdicts follow, each with its K
        analysis.shotVerdicts(t.id()).stream().filter(v -> v.shots() > 0)
                .map(v -> Map.<String, Object>of("ladder", v.ladder(), "view", v.view(), "shots", v.shots(),
                        "verdict", v.unfitModel() != null ? "unfit" : v.verdict(),
                        "strength", v.strength() == null || v.unfitModel() != null ? "" : v.strength()))
                .forEach(out::add);
        return out;
    }

    /** A K's verdict on a ladder in the task's headline view, "unfit" when not plotted, "" when there is none. */
    private static String shotVerdict(List<LadderAnalysis.ShotVerdict> verdicts, String taskType, String ladder, int shots) {
        String headline = org.ladderboard.analysis.ScalingCurve.views(taskType).get(0);
        return verdicts.stream()
                .filter(v -> v.ladder().equals(ladder) && v.view().equals(headline) && v.shots() == shots).findFirst()
                .map(v -> v.unfitModel() != null ? "unfit" : v.verdict()).orElse("");
    }

    private static void section(StringBuilder md, String title, String text) {
        md.append("## ").append(title).append("\n\n").append(text == null || text.isBlank() ? "—" : text).append("\n\n");
    }

    private static void putIfPresent(Map<String, Object> line, String key, Object value) {
        if (value != null) {
            line.put(key, value);
        }
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "task" : s.substring(0, Math.min(40, s.length()));
    }

    /** Part file names as stored are checked at upload; keep only their last segment in the bundle. */
    private static String safeName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.isBlank() || base.equals("..") ? "data" : base;
    }
}
