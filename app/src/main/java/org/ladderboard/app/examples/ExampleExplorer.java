package org.ladderboard.app.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.ladderboard.app.round.VisibleLadders;
import org.springframework.stereotype.Service;

/**
 * Every example of a submission with every model's outputs on one ladder, a page at a time: searched by text,
 * narrowed to a part, and filtered by how the ladder's models do on it. The paging, searching and filtering run in
 * PostgreSQL ({@link ExampleRepository}); this turns the stored log-probabilities into option probabilities.
 */
@Service
public class ExampleExplorer {

    /** How the ladder's models do on an example. */
    public enum Filter {
        ALL("all", "every example"),
        WORSE("worse", "gets worse with scale: the smallest model right, the largest wrong"),
        BETTER("better", "gets better with scale: the smallest model wrong, the largest right"),
        RIGHT_ON_ALL("right", "right on all models"),
        WRONG_ON_ALL("wrong", "wrong on all models");

        private final String id;
        private final String label;

        Filter(String id, String label) {
            this.id = id;
            this.label = label;
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

    private final ExampleRepository repository;

    ExampleExplorer(ExampleRepository repository) {
        this.repository = repository;
    }

    /** The ladders this viewer may see with at least one finished model on this submission, by name. */
    public List<String> ladders(long submissionId, VisibleLadders shown) {
        return shown.filter(repository.ladders(submissionId), ladder -> ladder);
    }

    /** A ladder's finished models on this submission, smallest first; none when this viewer may not see the ladder. */
    public List<String> models(long submissionId, String ladder, VisibleLadders shown) {
        return shown.shows(ladder) ? repository.models(submissionId, ladder) : List.of();
    }

    /**
     * {@code partName} gives a part's name as the reader may see it (a judge sees part labels, not file names); a
     * ladder this viewer may not see gives the examples without any model's outputs.
     */
    public Page search(long submissionId, Query query, UnaryOperator<String> partName, VisibleLadders shown) {
        List<String> models = query.ladder() == null ? List.of() : models(submissionId, query.ladder(), shown);
        Filter filter = models.isEmpty() ? Filter.ALL : query.filter();
        ExampleRepository.Match match = new ExampleRepository.Match(submissionId, query.ladder(), models, query.text(),
                query.part(), filter);
        int size = Math.min(Math.max(query.size(), 10), 200);
        // one query for the page and the count of all matches; only a page past the end needs a second look
        int number = Math.max(1, query.page());
        ExampleRepository.Slice slice = repository.page(match, size, (number - 1) * size);
        int total = slice.total();
        if (slice.rows().isEmpty() && number > 1) {
            total = repository.count(match);
            number = Math.max(1, (total + size - 1) / size);
            slice = repository.page(match, size, (number - 1) * size);
            if (!slice.rows().isEmpty()) {
                total = slice.total();
            }
        }
        Map<Long, Map<String, ExampleRepository.Score>> scores = slice.rows().isEmpty() || models.isEmpty() ? Map.of()
                : repository.scores(slice.rows().stream().map(ExampleRepository.Row::id).toList(), query.ladder(), models);
        List<Example> examples = new ArrayList<>();
        for (ExampleRepository.Row r : slice.rows()) {
            Map<String, Output> outputs = new LinkedHashMap<>();
            Map<String, ExampleRepository.Score> found = scores.getOrDefault(r.id(), Map.of());
            for (String model : models) { // smallest model first, whatever order the rows came in
                Optional.ofNullable(found.get(model)).ifPresent(s -> outputs.put(model, new Output(s.loss(), s.correct(),
                        s.predicted(), s.classLogprobs() == null ? null : softmax(s.classLogprobs()))));
            }
            examples.add(new Example(r.index(), r.partPosition(), partName.apply(r.partName()), r.row(), r.prompt(),
                    r.otherPrompt(), r.classes(), r.answer(), r.completion(), outputs));
        }
        return new Page(examples, number, size, total, models);
    }

    /** Option probabilities from the options' log-probabilities (softmax over the options). */
    static double[] softmax(double[] logprobs) {
        double max = java.util.Arrays.stream(logprobs).max().orElse(0);
        double[] p = java.util.Arrays.stream(logprobs).map(v -> Math.exp(v - max)).toArray();
        double sum = java.util.Arrays.stream(p).sum();
        return java.util.Arrays.stream(p).map(v -> v / sum).toArray();
    }
}
