package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.queue.ScoreRecord;
import tools.jackson.databind.node.ObjectNode;

/** The score record carries every field of the engine's result, whatever fields it gains, and nothing it lacks. */
class ScoreRecordTest {

    private static final ExampleResult FULL = new ExampleResult(7, new double[] {-1.5, -2.5},
            new double[] {-0.5, -3.5}, new int[] {2, 3}, 1.5, true, 0, -1.2, 5, 0.25, true, true, "an error");

    @Test
    void everyFieldOfTheResultButItsBatchIndexIsInTheRecord() {
        ObjectNode record = ScoreRecord.of(FULL);
        List<String> expected = Arrays.stream(ExampleResult.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("index"))
                .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
                .toList();
        assertThat(record.propertyNames()).containsExactlyElementsOf(expected);
        assertThat(record.get("class_logprobs").get(1).asDouble()).isEqualTo(-2.5);
        assertThat(record.get("logodds_difference").asDouble()).isEqualTo(0.25);
    }

    @Test
    void aFieldTheTaskTypeDoesNotProduceIsLeftOut() {
        ExampleResult sequence = new ExampleResult(0, null, null, null, 3.25, null, null, null, 7, null, false, false, null);
        assertThat(ScoreRecord.of(sequence).propertyNames()).containsExactly("loss", "token_count", "truncated", "prefix_mismatch");
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        ObjectNode record = ScoreRecord.of(FULL);
        assertThat(ScoreRecord.parse(record.toString())).isEqualTo(record);
    }
}
