package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.Example;
import org.ladderboard.queue.ExampleTable;

/** What the upload stores in {@code example} is what every reader gets back, the kept extra columns included. */
class ExampleTableTest {

    @Test
    void examplesReadBackWholeInFileOrder() throws Exception {
        try (QueueFixture fixture = new QueueFixture()) {
            long submission = fixture.submission(0, List.of(), null);
            long part = fixture.count("select id from submission_part where submission_id = ?", submission);
            List<Example> stored = List.of(
                    new Example("p", 1, 2, "Q: 2+2?\nA:", "Q: 2+3?\nA:", List.of(" 4", " 5"), 0, null,
                            Map.of("source", "arithmetic", "note", "quoted \"text\", commas, ünïcode")),
                    new Example("p", 2, 4, "Once upon a", null, null, null, " time", Map.of()));
            try (Connection c = fixture.db.getConnection()) {
                ExampleTable.insert(c, submission, part, 0, stored);
                List<ExampleTable.Stored> read = ExampleTable.all(c, submission);
                assertThat(read).extracting(ExampleTable.Stored::example).containsExactlyElementsOf(stored);
                assertThat(read).extracting(ExampleTable.Stored::position).containsExactly(0, 1);
            }
        }
    }
}
