package org.ladderboard.app.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.app.examples.ExampleExplorer.Filter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A submission's examples with their scores on one ladder, a page at a time. Paging, searching and filtering all run
 * in PostgreSQL (the submission's examples by their (submission, position) index, each example's scores by their
 * primary key), so a page of a 20,000-row submission reads 50 examples, not 20,000.
 */
@Repository
class ExampleRepository {

    /** One example as stored; {@code partPosition} is 1-based, {@code partName} the part's file name. */
    record Row(long id, int index, int partPosition, String partName, int row, String prompt, String otherPrompt,
               List<String> classes, Integer answer, String completion) {
    }

    /** A page of matching rows and how many match in all (0 when the page is empty: past the end, or no match). */
    record Slice(List<Row> rows, int total) {
    }

    /** One model's stored outputs on an example; {@code classLogprobs} null without options. */
    record Score(Double loss, Boolean correct, Integer predicted, double[] classLogprobs) {
    }

    /** What to match: {@code part} 1-based or null, {@code text} a plain substring or null, {@code models} smallest first. */
    record Match(long submissionId, String ladder, List<String> models, String text, Integer part, Filter filter) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ExampleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ladders with at least one finished model on this submission, by name. */
    List<String> ladders(long submissionId) {
        return jdbc.sql("select distinct ladder from scoring_job where submission_id = ? and shots = 0 and status = 'DONE' order by ladder")
                .param(submissionId).query(String.class).list();
    }

    /** A ladder's finished models on this submission, smallest first. */
    List<String> models(long submissionId, String ladder) {
        return jdbc.sql("select model from scoring_job where submission_id = ? and ladder = ? and shots = 0 and status = 'DONE' "
                + "order by model_parameters, model").params(submissionId, ladder).query(String.class).list();
    }

    /** A fixed SQL condition over the per-example flags {@code f}; never built from input. */
    private static String condition(Filter filter) {
        return switch (filter) {
            case ALL -> "true";
            case WORSE -> "f.smallest_right and not f.largest_right";
            case BETTER -> "not f.smallest_right and f.largest_right";
            case RIGHT_ON_ALL -> "f.scored = f.models and f.all_right";
            case WRONG_ON_ALL -> "f.scored = f.models and f.all_wrong";
        };
    }

    private static String from(Filter filter) {
        // the per-example flags, one pass over the ladder's scores grouped by example; read only when filtering
        String flags = filter == Filter.ALL ? "" : """
                join (select sc.example_id, bool_and(sc.correct) as all_right, bool_and(not sc.correct) as all_wrong,
                             count(sc.correct) as scored, :modelCount as models,
                             coalesce(bool_or(sc.correct) filter (where sc.model = :smallest), false) as smallest_right,
                             coalesce(bool_or(sc.correct) filter (where sc.model = :largest), false) as largest_right,
                             count(*) filter (where sc.model in (:smallest, :largest) and sc.correct is not null) as ends
                      from example_score sc
                      where sc.submission_id = :submission and sc.ladder = :ladder and sc.model in (:models) and sc.shots = 0
                      group by sc.example_id) f on f.example_id = e.id
                """;
        return "from example e join submission_part p on p.id = e.part_id\n" + flags;
    }

    private static String where(Filter filter) {
        String endsScored = filter == Filter.WORSE || filter == Filter.BETTER ? " and f.ends = 2" : "";
        return """
                where e.submission_id = :submission
                  and (cast(:part as integer) is null or p.position = cast(:part as integer) - 1)
                  and (cast(:pattern as text) is null or e.prompt ilike :pattern or e.other_prompt ilike :pattern
                       or e.completion ilike :pattern or e.classes::text ilike :pattern)
                """ + "  and (" + condition(filter) + endsScored + ")\n";
    }

    private static Map<String, Object> params(Match m) {
        List<String> models = m.models();
        String pattern = m.text() == null || m.text().isBlank() ? null
                : "%" + m.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("submission", m.submissionId());
        params.put("part", m.part());
        params.put("pattern", pattern);
        params.put("ladder", m.ladder() == null ? "" : m.ladder());
        params.put("models", models.isEmpty() ? List.of("") : models);
        params.put("modelCount", models.size());
        params.put("smallest", models.isEmpty() ? "" : models.get(0));
        params.put("largest", models.isEmpty() ? "" : models.get(models.size() - 1));
        return params;
    }

    /** One page of the matches in file order, and the count of all matches, in one query. */
    Slice page(Match m, int limit, int offset) {
        Map<String, Object> params = params(m);
        params.put("limit", limit);
        params.put("offset", offset);
        int[] total = {0};
        String select = """
                select e.id, e.position, p.position, p.name, e.row_number, e.prompt, e.other_prompt, e.classes::text,
                       e.answer_index, e.completion, count(*) over () as total
                """ + from(m.filter()) + where(m.filter()) + "order by e.position limit :limit offset :offset";
        List<Row> rows = jdbc.sql(select).params(params)
                .query((rs, n) -> {
                    total[0] = rs.getInt(11);
                    return new Row(rs.getLong(1), rs.getInt(2), rs.getInt(3) + 1, rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7),
                            rs.getString(8) == null ? null : JSON.readValue(rs.getString(8), STRINGS),
                            (Integer) rs.getObject(9), rs.getString(10));
                })
                .list();
        return new Slice(rows, total[0]);
    }

    /** How many examples match. */
    int count(Match m) {
        return jdbc.sql("select count(*) " + from(m.filter()) + where(m.filter())).params(params(m))
                .query(Integer.class).single();
    }

    /** The stored outputs of {@code models} on these examples, by example id and then model. */
    Map<Long, Map<String, Score>> scores(List<Long> exampleIds, String ladder, List<String> models) {
        Map<Long, Map<String, Score>> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select example_id, model, class_logprobs::text, loss, correct, predicted from example_score
                        where example_id in (:ids) and ladder = :ladder and model in (:models) and shots = 0""")
                .param("ids", new ArrayList<>(exampleIds)).param("ladder", ladder).param("models", models)
                .query(rs -> {
                    String logprobs = rs.getString(3);
                    out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            new Score((Double) rs.getObject(4), (Boolean) rs.getObject(5), (Integer) rs.getObject(6),
                                    logprobs == null ? null : JSON.readValue(logprobs, double[].class)));
                });
        return out;
    }
}
