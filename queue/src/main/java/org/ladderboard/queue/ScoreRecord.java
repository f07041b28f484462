package org.ladderboard.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ladderboard.scoring.ExampleResult;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One example's score as every output spells it (the {@code score} command's lines, {@code example_score.record},
 * the scores download, {@code labelled_data.jsonl}): whatever {@link ExampleResult} carries, in snake_case, a field
 * the task type does not produce left out. The fields come from the result itself, so one it gains appears
 * everywhere without a list to keep per place. Its {@code index} (the row's place in the scored batch) is left to
 * each output, which says where the row is in its own terms.
 */
public final class ScoreRecord {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(i -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private ScoreRecord() {
    }

    public static ObjectNode of(ExampleResult result) {
        ObjectNode record = JSON.valueToTree(result);
        record.remove("index");
        return record;
    }

    /** The stored form, for {@code example_score.record}. */
    static String json(ExampleResult result) {
        return JSON.writeValueAsString(of(result));
    }

    /** A stored record read back. */
    public static ObjectNode parse(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
