package org.ladderboard.app.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examples behind a curve: those the smallest model gets right and the largest wrong (what inverse scaling is
 * made of), and the reverse, each with every model's probability for each option (softmax over the options).
 */
@Service
public class FlipExplorer {

    /** One example that flips, with each model's option probabilities, smallest model first. */
    public record Flip(int index, String part, int row, String prompt, List<String> classes, int answer,
                       Map<String, double[]> probabilities) {
    }

    public record Flips(String ladder, String smallest, String largest, List<Flip> worseWithScale, List<Flip> betterWithScale,
                        int worseCount, int betterCount) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final int SHOWN = 20;

    private final JdbcClient jdbc;

    public FlipExplorer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per ladder with at least two finished models; classification tasks only (the others have no options to flip). */
    public List<Flips> flips(long submissionId) {
        List<Flips> out = new ArrayList<>();
        List<String> ladders = jdbc.sql("select distinct ladder from scoring_job where submission_id = ? and status = 'DONE' order by ladder")
                .param(submissionId).query(String.class).list();
        for (String ladder : ladders) {
            List<String> models = jdbc.sql("select model from scoring_job where submission_id = ? and ladder = ? and status = 'DONE' "
                            + "order by model_parameters").params(submissionId, ladder).query(String.class).list();
            if (models.size() < 2) {
                continue;
            }
            String smallest = models.get(0);
            String largest = models.get(models.size() - 1);
            List<Flip> worse = new ArrayList<>();
            List<Flip> better = new ArrayList<>();
            int[] counts = new int[2];
            jdbc.sql("""
                            select e.id, e.position, p.name, e.row_number, e.prompt, e.classes::text, e.answer_index, a.correct, b.correct
                            from example e join submission_part p on p.id = e.part_id
                            join example_score a on a.example_id = e.id and a.ladder = ? and a.model = ?
                            join example_score b on b.example_id = e.id and b.ladder = ? and b.model = ?
                            where e.submission_id = ? and a.correct is not null and b.correct is not null and a.correct <> b.correct
                            order by e.position""")
                    .params(ladder, smallest, ladder, largest, submissionId)
                    .query(rs -> {
                        boolean worseWithScale = rs.getBoolean(8);
                        counts[worseWithScale ? 0 : 1]++;
                        List<Flip> list = worseWithScale ? worse : better;
                        if (list.size() < SHOWN) {
                            list.add(new Flip(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                                    JSON.readValue(rs.getString(6), STRINGS), rs.getInt(7), probabilities(rs.getLong(1), ladder, models)));
                        }
                    });
            out.add(new Flips(ladder, smallest, largest, worse, better, counts[0], counts[1]));
        }
        return out;
    }

    private Map<String, double[]> probabilities(long exampleId, String ladder, List<String> models) {
        Map<String, double[]> byModel = new LinkedHashMap<>();
        for (String model : models) {
            jdbc.sql("select class_logprobs::text from example_score where example_id = ? and ladder = ? and model = ?")
                    .params(exampleId, ladder, model).query(String.class).optional()
                    .ifPresent(json -> byModel.put(model, softmax(JSON.readValue(json, double[].class))));
        }
        return byModel;
    }

    static double[] softmax(double[] logprobs) {
        double max = java.util.Arrays.stream(logprobs).max().orElse(0);
        double[] p = java.util.Arrays.stream(logprobs).map(v -> Math.exp(v - max)).toArray();
        double sum = java.util.Arrays.stream(p).sum();
        return java.util.Arrays.stream(p).map(v -> v / sum).toArray();
    }
}
