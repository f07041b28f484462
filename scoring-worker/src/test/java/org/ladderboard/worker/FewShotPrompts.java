package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ladderboard.dataset.Example;

/**
 * The organisers' K-shot construction rebuilt from the spec's words alone, without the code under test: for each
 * example, K other examples of the same part, none twice, each as its prompt followed by its correct class (its
 * completion, for sequence_prob), then the
 * example's own prompt, all joined with three newlines. Which K were drawn is the seed's business; that they are
 * such a draw, and that the prompt is exactly their join, is checked here.
 */
final class FewShotPrompts {

    private FewShotPrompts() {
    }

    static void assertBuiltFromTheSpec(List<Example> examples, List<String> prompts, int shots) {
        assertThat(prompts).hasSameSizeAs(examples);
        for (int i = 0; i < examples.size(); i++) {
            Example own = examples.get(i);
            List<Integer> partMates = new ArrayList<>();
            for (int j = 0; j < examples.size(); j++) {
                if (j != i && examples.get(j).part().equals(own.part())) {
                    partMates.add(j);
                }
            }
            String prompt = prompts.get(i);
            StringBuilder rebuilt = new StringBuilder();
            Set<Integer> used = new HashSet<>();
            int at = 0;
            while (used.size() < Math.min(shots, partMates.size())) {
                Integer found = null;
                for (int j : partMates) {
                    Example d = examples.get(j);
                    String answer = d.classes() != null ? d.classes().get(d.answerIndex()) : d.completion();
                    String demonstration = d.prompt() + answer + "\n\n\n";
                    if (!used.contains(j) && prompt.startsWith(demonstration, at)) {
                        found = j;
                        rebuilt.append(demonstration);
                        at += demonstration.length();
                        break;
                    }
                }
                assertThat(found).as("demonstration %d of example %d is another answered example of its part, not "
                        + "used before: %s", used.size() + 1, i, prompt).isNotNull();
                used.add(found);
            }
            rebuilt.append(own.prompt());
            assertThat(prompt).as("example %d", i).isEqualTo(rebuilt.toString());
        }
    }
}
