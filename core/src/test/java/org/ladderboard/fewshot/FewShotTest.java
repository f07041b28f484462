package org.ladderboard.fewshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;

class FewShotTest {

    private static List<Example> classification(String part, int n) {
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Example(part, i + 1, i + 2, "Q" + part + i + ":", null, List.of(" yes", " no"), i % 2, null, Map.of()));
        }
        return rows;
    }

    @Test
    void eachPromptIsKOtherExamplesOfItsPartWithTheirAnswersThenItsOwnPrompt() {
        List<Example> examples = new ArrayList<>(classification("a.csv", 12));
        examples.addAll(classification("b.csv", 7));
        List<Example> built = FewShot.build(examples, TaskType.CLASSIFICATION, 4, 17);

        assertThat(built).hasSize(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Example own = examples.get(i);
            String[] pieces = built.get(i).prompt().split("\n\n\n", -1);
            assertThat(pieces).hasSize(5);
            assertThat(pieces[4]).isEqualTo(own.prompt());
            Set<String> seen = new HashSet<>();
            for (String demonstration : Arrays.copyOf(pieces, 4)) {
                Example source = examples.stream()
                        .filter(e -> demonstration.equals(e.prompt() + e.classes().get(e.answerIndex())))
                        .findFirst().orElseThrow(() -> new AssertionError("not an example with its answer: " + demonstration));
                assertThat(source.part()).isEqualTo(own.part());
                assertThat(source).isNotEqualTo(own);
                assertThat(seen.add(demonstration)).as("drawn without replacement").isTrue();
            }
            assertThat(built.get(i).classes()).isEqualTo(own.classes());
            assertThat(built.get(i).answerIndex()).isEqualTo(own.answerIndex());
        }
    }

    @Test
    void theSeedDecidesTheDrawAndTheSameSeedGivesTheSamePrompts() {
        List<Example> examples = classification("a.csv", 40);
        assertThat(FewShot.build(examples, TaskType.CLASSIFICATION, 2, 5))
                .isEqualTo(FewShot.build(examples, TaskType.CLASSIFICATION, 2, 5))
                .isNotEqualTo(FewShot.build(examples, TaskType.CLASSIFICATION, 2, 6));
    }

    @Test
    void aPartScoredOnItsOwnGetsTheSamePromptsAsInsideTheSubmission() {
        List<Example> a = classification("a.csv", 9);
        List<Example> both = new ArrayList<>(classification("b.csv", 5));
        both.addAll(a);
        List<Example> alone = FewShot.build(a, TaskType.CLASSIFICATION, 3, 1);
        assertThat(FewShot.build(both, TaskType.CLASSIFICATION, 3, 1).subList(5, 14)).isEqualTo(alone);
    }

    @Test
    void sequenceProbDemonstrationsCarryTheirCompletionAndLogoddsShareDemonstrationsAcrossBothPrompts() {
        List<Example> seq = List.of(
                new Example("s", 1, 2, "One", null, null, null, " two", Map.of()),
                new Example("s", 2, 3, "Three", null, null, null, " four", Map.of()));
        assertThat(FewShot.build(seq, TaskType.SEQUENCE_PROB, 1, 0).get(0).prompt()).isEqualTo("Three four\n\n\nOne");

        List<Example> logodds = List.of(
                new Example("l", 1, 2, "P1", "O1", List.of(" A", " B"), 1, null, Map.of()),
                new Example("l", 2, 3, "P2", "O2", List.of(" A", " B"), 0, null, Map.of()));
        Example first = FewShot.build(logodds, TaskType.LOGODDS, 1, 0).get(0);
        assertThat(first.prompt()).isEqualTo("P2 A\n\n\nP1");
        assertThat(first.otherPrompt()).isEqualTo("P2 A\n\n\nO1");
    }

    @Test
    void zeroShotsChangesNothingAndASmallPartGivesEveryOtherExample() {
        List<Example> examples = classification("a.csv", 3);
        assertThat(FewShot.build(examples, TaskType.CLASSIFICATION, 0, 9)).isSameAs(examples);
        assertThat(FewShot.build(examples, TaskType.CLASSIFICATION, 8, 9).get(0).prompt().split("\n\n\n")).hasSize(3);
        assertThatThrownBy(() -> FewShot.build(examples, TaskType.CLASSIFICATION, -1, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
