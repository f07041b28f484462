package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ladderboard.engine.Fixtures;
import tools.jackson.databind.JsonNode;

class ScoreCommandTest {

    @Test
    void aMultiPartZipIsScoredWithFilePositionsAndPartNames(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("task.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("a-easy.csv"));
            z.write("prompt,classes,answer_index\nOnce upon a time,\"[' there', ' dog']\",0\n".getBytes());
            z.putNextEntry(new ZipEntry("b-hard.jsonl"));
            z.write(("{\"prompt\": \"The cat\", \"classes\": [\" sat\", \" flew\"], \"answer_index\": 0}\n"
                    + "{\"prompt\": \"I went to the\", \"classes\": [\" park\", \" moon\"], \"answer_index\": 1}\n").getBytes());
        }
        Path out = tmp.resolve("scores.jsonl");
        int exit = WorkerCommand.execute("score", "--model", Fixtures.model("stories260K-hf").toString(),
                "--data", zip.toString(), "--task-type", "classification", "--out", out.toString());
        assertThat(exit).isZero();
        List<JsonNode> lines = Files.readAllLines(out).stream().map(Fixtures.JSON::readTree).toList();
        assertThat(lines).extracting(l -> l.get("index").asInt()).containsExactly(0, 1, 2);
        assertThat(lines).extracting(l -> l.get("part").asString()).containsExactly("a-easy", "b-hard", "b-hard");
        JsonNode last = lines.get(2);
        assertThat(last.get("class_logprobs")).hasSize(2);
        assertThat(last.get("class_token_counts")).hasSize(2);
        for (String field : List.of("loss", "correct", "predicted", "total_logprob", "truncated")) {
            assertThat(last.has(field)).as(field).isTrue();
        }
    }

    @Test
    void logoddsLinesCarryBothPromptsLogprobsAndEveryLineSaysWhetherABoundaryMoved(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("lo.jsonl");
        Files.writeString(data, "{\"prompt\": \"Lily was very\", \"other_prompt\": \"Tom was very\", \"classes\": [\" happy\", \" sad\"], \"answer_index\": 1}\n");
        Path out = tmp.resolve("lo-scores.jsonl");
        assertThat(WorkerCommand.execute("score", "--model", Fixtures.model("stories260K-hf").toString(),
                "--data", data.toString(), "--task-type", "logodds", "--out", out.toString())).isZero();
        JsonNode line = Fixtures.JSON.readTree(Files.readAllLines(out).get(0));
        double[] prompt = line.get("class_logprobs").valueStream().mapToDouble(JsonNode::asDouble).toArray();
        double[] other = line.get("other_class_logprobs").valueStream().mapToDouble(JsonNode::asDouble).toArray();
        assertThat(org.ladderboard.metrics.LogoddsScore.of(prompt, other, 1, false).logoddsDifference())
                .isCloseTo(line.get("logodds_difference").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(line.get("prefix_mismatch").asBoolean()).isFalse();
    }

    @Test
    void theTaskTypeIsRecognisedFromTheColumns(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("seq.jsonl");
        WorkerCommand.execute("score", "--model", Fixtures.model("stories260K-hf").toString(),
                "--data", Fixtures.dataset("synthetic_sequence_prob.jsonl").toString(), "--out", out.toString());
        JsonNode first = Fixtures.JSON.readTree(Files.readAllLines(out).get(0));
        assertThat(first.get("token_count").asInt()).isEqualTo(7);
        assertThat(first.has("class_logprobs")).isFalse();
    }
}
