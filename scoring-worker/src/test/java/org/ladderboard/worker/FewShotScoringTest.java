package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ladderboard.engine.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code score --shots K --seed S --dump-prompts}: the organisers' construction, checked from the outside. */
class FewShotScoringTest {

    private static final String[] ANIMALS = {"cat", "dog", "bird", "fish", "cow", "owl", "fox", "bee"};

    @Test
    void dumpedPromptsFollowTheOrganisersConstructionAndScoreTheSameAsAPlainDataset(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("task.jsonl");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ANIMALS.length; i++) {
            rows.add("{\"prompt\": \"The " + ANIMALS[i] + " was\", \"classes\": [\" happy\", \" sad\"], \"answer_index\": " + (i % 2) + "}");
        }
        Files.write(data, rows);
        Path dump = tmp.resolve("prompts.jsonl");
        Path scores = tmp.resolve("scores.jsonl");
        String model = Fixtures.model("stories260K-hf").toString();
        assertThat(WorkerCommand.execute("score", "--model", model, "--data", data.toString(), "--shots", "2",
                "--seed", "11", "--dump-prompts", dump.toString(), "--out", scores.toString())).isZero();

        List<JsonNode> prompts = Files.readAllLines(dump).stream().map(Fixtures.JSON::readTree).toList();
        assertThat(prompts).hasSize(ANIMALS.length);
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < ANIMALS.length; i++) {
            answered.add("The " + ANIMALS[i] + " was" + (i % 2 == 0 ? " happy" : " sad"));
        }
        for (int i = 0; i < ANIMALS.length; i++) {
            assertThat(prompts.get(i).get("index").asInt()).isEqualTo(i);
            String[] pieces = prompts.get(i).get("prompt").asString().split("\n\n\n", -1);
            assertThat(pieces).hasSize(3);
            assertThat(pieces[2]).isEqualTo("The " + ANIMALS[i] + " was");
            Set<String> demonstrations = new HashSet<>(List.of(pieces[0], pieces[1]));
            assertThat(demonstrations).hasSize(2).allSatisfy(d -> assertThat(answered).contains(d))
                    .doesNotContain(answered.get(i));
        }

        // the dumped prompts scored as a plain dataset give the same numbers
        Path plain = tmp.resolve("plain.jsonl");
        List<String> plainRows = new ArrayList<>();
        for (int i = 0; i < ANIMALS.length; i++) {
            ObjectNode row = Fixtures.JSON.createObjectNode();
            row.put("prompt", prompts.get(i).get("prompt").asString());
            row.putArray("classes").add(" happy").add(" sad");
            row.put("answer_index", i % 2);
            plainRows.add(Fixtures.JSON.writeValueAsString(row));
        }
        Files.write(plain, plainRows);
        Path plainScores = tmp.resolve("plain-scores.jsonl");
        assertThat(WorkerCommand.execute("score", "--model", model, "--data", plain.toString(), "--out", plainScores.toString())).isZero();
        List<String> shot = Files.readAllLines(scores);
        List<String> again = Files.readAllLines(plainScores);
        for (int i = 0; i < ANIMALS.length; i++) {
            JsonNode a = Fixtures.JSON.readTree(shot.get(i));
            JsonNode b = Fixtures.JSON.readTree(again.get(i));
            assertThat(a.get("loss").asDouble()).isCloseTo(b.get("loss").asDouble(), within(1e-5));
            assertThat(a.get("class_logprobs").get(1).asDouble()).isCloseTo(b.get("class_logprobs").get(1).asDouble(), within(1e-5));
        }

        // the same seed gives the same prompts; another seed other ones
        Path again2 = tmp.resolve("prompts-again.jsonl");
        Path other = tmp.resolve("prompts-other.jsonl");
        WorkerCommand.execute("score", "--model", model, "--data", data.toString(), "--shots", "2", "--seed", "11",
                "--dump-prompts", again2.toString(), "--out", tmp.resolve("x.jsonl").toString());
        WorkerCommand.execute("score", "--model", model, "--data", data.toString(), "--shots", "2", "--seed", "12",
                "--dump-prompts", other.toString(), "--out", tmp.resolve("y.jsonl").toString());
        assertThat(Files.readString(again2)).isEqualTo(Files.readString(dump));
        assertThat(Files.readString(other)).isNotEqualTo(Files.readString(dump));
    }

    @Test
    void theDemonstrationsOfASequenceTaskComeFromTheExamplesOwnPartWithTheirCompletions(@TempDir Path tmp) throws Exception {
        List<org.ladderboard.dataset.Example> examples = new ArrayList<>();
        Path zip = tmp.resolve("parts.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String part : List.of("a", "b")) {
                out.putNextEntry(new java.util.zip.ZipEntry(part + ".jsonl"));
                for (int i = 0; i < 5; i++) {
                    String prompt = "Part " + part + ", the " + ANIMALS[i] + " said";
                    String completion = " hello " + i;
                    ObjectNode row = Fixtures.JSON.createObjectNode();
                    row.put("prompt", prompt);
                    row.put("completion", completion);
                    out.write((Fixtures.JSON.writeValueAsString(row) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    examples.add(new org.ladderboard.dataset.Example(part, i + 1, i + 1, prompt, null, null, null, completion,
                            java.util.Map.of()));
                }
                out.closeEntry();
            }
        }
        Path dump = tmp.resolve("prompts.jsonl");
        assertThat(WorkerCommand.execute("score", "--model", Fixtures.model("stories260K-hf").toString(), "--data",
                zip.toString(), "--task-type", "sequence_prob", "--shots", "3", "--seed", "5", "--dump-prompts",
                dump.toString(), "--out", tmp.resolve("scores.jsonl").toString())).isZero();
        List<String> prompts = Files.readAllLines(dump).stream().map(Fixtures.JSON::readTree)
                .map(n -> n.get("prompt").asString()).toList();
        FewShotPrompts.assertBuiltFromTheSpec(examples, prompts, 3);
        assertThat(prompts.subList(5, 10)).as("part b draws only from part b").allSatisfy(p -> assertThat(p).doesNotContain("Part a"));
    }
}
