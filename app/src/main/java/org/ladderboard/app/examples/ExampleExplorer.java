package org.ladderboard.app.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example of a submission with every model's outputs on one ladder, a page at a time: searched by text,
 * narrowed to a part, and filtered by how the ladder's models do on it. Paging, searching and filtering all run in
 * PostgreSQL (the submission's examples by their (submission, position) index, each example's scores by their primary
 * key), so a page of a 20,000-row submission reads 50 examples, not 20,000.
 */
@Repository
public class ExampleExplorer {

    /** How the ladder's models do on an example. */
    public enum Filter {
        ALL("all", "every example", "true"),
        WORSE("worse", "gets worse with scale: the smallest model right, the largest wrong",
                "f.smallest_right and not f.largest_right"),
        BETTER("better", "gets better with scale: the smallest model wrong, the largest right",
                "not f.smallest_right and f.largest_right"),
        RIGHT_ON_ALL("right", "right on all models", "f.scored = f.models and f.all_right"),
        WRONG_ON_ALL("wrong", "wrong on all models", "f.scored = f.models and f.all_wrong");

        private final String id;
        private final String label;
        /** a fixed SQL condition over the per-example flags {@code f}; never built from input */
        private final String condition;

        Filter(String id, String label, String condition) {
            this.id = id;
            this.label = label;
            this.condition = condition;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public static Filter fromId(String id) {
            for (Filter f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            return ALL;
        }
    }

    /**
     * What to show: {@code part} is a 1-based part position or null for all, {@code text} a plain substring (case
     * insensitive) of the prompt, other prompt, classes or completion, or null.
     */
    public record Query(String ladder, String text, Integer part, Filter filter, int page, int size) {
    }

    /** One model's outputs on an example; {@code probabilities} is the softmax over the options, null without options. */
    public record Output(Double loss, Boolean correct, Integer predicted, double[] probabilities) {
    }

    /** One example with each model's outputs, smallest model first. */
    public record Example(int index, int partPosition, String part, int row, String prompt, String otherPrompt,
                          List<String> classes, Integer answer, String completion, Map<String, Output> outputs) {

        /** Each model's probability for each option, for the examples-that-flip tables. */
        public Map<String, double[]> probabilities() {
            Map<String, double[]> out = new LinkedHashMap<>();
            outputs.forEach((model, o) -> {
                if (o.probabilities() != null) {
                    out.put(model, o.probabilities());
                }
            });
            return out;
        }
    }

    /** One page, 1-based, of the examples that match, and the ladder's models in order of size. */
    public record Page(List<Example> examples, int number, int size, int total, List<String> models) {

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

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public ExampleExplorer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ladders with at least one finished model on this submission, by name. */
    public List<String> ladders(long submissionId) {
        return jdbc.sql("select distinct ladder from scoring_job where submission_id = ? and status = 'DONE' order by ladder")
                .param(submissionId).query(String.class).list();
    }

    /** A ladder's finished models on this submission, smallest first. */
    public List<String> models(long submissionId, String ladder) {
        return jdbc.sql("select model from scoring_job where submission_id = ? and ladder = ? and status = 'DONE' "
                + "order by model_parameters, model").params(submissionId, ladder).query(String.class).list();
    }

    /** {@code partName} gives a part's name as the reader may see it (a judge sees part labels, not file names). */
    public Page search(long submissionId, Query query, UnaryOperator<String> partName) {
        List<String> models = query.ladder() == null ? List.of() : models(submissionId, query.ladder());
        Filter filter = models.isEmpty() ? Filter.ALL : query.filter();
        String smallest = models.isEmpty() ? "" : models.get(0);
        String largest = models.isEmpty() ? "" : models.get(models.size() - 1);
        String pattern = query.text() == null || query.text().isBlank() ? null
                : "%" + query.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // the per-example flags, one pass over the ladder's scores grouped by example; read only when filtering
        String flags = filter == Filter.ALL ? "" : """
                join (select sc.example_id, bool_and(sc.correct) as all_right, bool_and(not sc.correct) as all_wrong,
                             count(sc.correct) as scored, :modelCount as models,
                             coalesce(bool_or(sc.correct) filter (where sc.model = :smallest), false) as smallest_right,
                             coalesce(bool_or(sc.correct) filter (where sc.model = :largest), false) as largest_right,
                             count(*) filter (where sc.model in (:smallest, :largest) and sc.correct is not null) as ends
                      from example_score sc
                      where sc.submission_id = :submission and sc.ladder = :ladder and sc.model in (:models)
                      group by sc.example_id) f on f.example_id = e.id
                """;
        String endsScored = filter == Filter.WORSE || filter == Filter.BETTER ? " and f.ends = 2" : "";
        String where = """
                where e.submission_id = :submission
                  and (cast(:part as integer) is null or p.position = cast(:part as integer) - 1)
                  and (cast(:pattern as text) is null or e.prompt ilike :pattern or e.other_prompt ilike :pattern
                       or e.completion ilike :pattern or e.classes::text ilike :pattern)
                """ + "  and (" + filter.condition + endsScored + ")\n";
        String from = "from example e join submission_part p on p.id = e.part_id\n" + flags;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("submission", submissionId);
        params.put("part", query.part());
        params.put("pattern", pattern);
        params.put("ladder", query.ladder() == null ? "" : query.ladder());
        params.put("models", models.isEmpty() ? List.of("") : models);
        params.put("modelCount", models.size());
        params.put("smallest", smallest);
        params.put("largest", largest);
        int size = Math.min(Math.max(query.size(), 10), 200);
        record Row(long id, Example example) {
        }
        int[] total = {0};
        String select = """
                select e.id, e.position, p.position, p.name, e.row_number, e.prompt, e.other_prompt, e.classes::text,
                       e.answer_index, e.completion, count(*) over () as total
                """ + from + where + "order by e.position limit :limit offset :offset";
        // one query for the page and the count of all matches; only a page past the end needs a second look
        int number = Math.max(1, query.page());
        List<Row> rows = List.of();
        for (int attempt = 0; attempt < 2; attempt++) {
            params.put("limit", size);
            params.put("offset", (number - 1) * size);
            rows = jdbc.sql(select).params(params)
                    .query((rs, n) -> {
                        total[0] = rs.getInt(11);
                        return new Row(rs.getLong(1), new Example(rs.getInt(2), rs.getInt(3) + 1, partName.apply(rs.getString(4)),
                                rs.getInt(5), rs.getString(6), rs.getString(7),
                                rs.getString(8) == null ? null : JSON.readValue(rs.getString(8), STRINGS),
                                (Integer) rs.getObject(9), rs.getString(10), new LinkedHashMap<>()));
                    })
                    .list();
            if (!rows.isEmpty() || number == 1) {
                break;
            }
            total[0] = jdbc.sql("select count(*) " + from + where).params(params).query(Integer.class).single();
            number = Math.max(1, (total[0] + size - 1) / size);
        }
        if (!rows.isEmpty() && !models.isEmpty()) {
            Map<Long, Example> byId = new LinkedHashMap<>();
            rows.forEach(r -> byId.put(r.id(), r.example()));
            Map<Long, Map<String, Output>> outputs = new LinkedHashMap<>();
            jdbc.sql("""
                            select example_id, model, class_logprobs::text, loss, correct, predicted from example_score
                            where example_id in (:ids) and ladder = :ladder and model in (:models)""")
                    .param("ids", new ArrayList<>(byId.keySet())).param("ladder", query.ladder()).param("models", models)
                    .query(rs -> {
                        String logprobs = rs.getString(3);
                        outputs.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                                new Output((Double) rs.getObject(4), (Boolean) rs.getObject(5), (Integer) rs.getObject(6),
                                        logprobs == null ? null : softmax(JSON.readValue(logprobs, double[].class))));
                    });
            byId.forEach((id, example) -> {
                Map<String, Output> found = outputs.getOrDefault(id, Map.of());
                for (String model : models) { // smallest model first, whatever order the rows came in
                    Optional.ofNullable(found.get(model)).ifPresent(o -> example.outputs().put(model, o));
                }
            });
        }
        return new Page(rows.stream().map(Row::example).toList(), number, size, total[0], models);
    }

    /** Option probabilities from the options' log-probabilities (softmax over the options). */
    static double[] softmax(double[] logprobs) {
        double max = java.util.Arrays.stream(logprobs).max().orElse(0);
        double[] p = java.util.Arrays.stream(logprobs).map(v -> Math.exp(v - max)).toArray();
        double sum = java.util.Arrays.stream(p).sum();
        return java.util.Arrays.stream(p).map(v -> v / sum).toArray();
    }
}
