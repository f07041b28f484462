package org.ladderboard.fewshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;

/**
 * K-shot prompts built as the prize's organisers built them: for each example, K <em>other</em> examples of the same
 * part, drawn without replacement, each followed by its correct answer, then the example's own prompt, all joined
 * with three newlines. The draw for an example depends only on the seed, its part and its position in that part, so a
 * re-score (or a part scored on its own) gets the same prompts.
 */
public final class FewShot {

    /** What separates demonstrations from each other and from the example's own prompt. */
    public static final String SEPARATOR = "\n\n\n";

    /** The seed of a sweep whose organizer chose none, and of {@code score --shots K} without {@code --seed}. */
    public static final long DEFAULT_SEED = 0;

    private FewShot() {
    }

    /**
     * The examples with K demonstrations written into their prompts (and into {@code other_prompt} for the logodds
     * types, which compare two prompts under the same demonstrations). K = 0 returns the examples unchanged. A part
     * with fewer than K + 1 examples gives each of its examples every other example of the part.
     */
    public static List<Example> build(List<Example> examples, TaskType type, int shots, long seed) {
        if (shots < 0) {
            throw new IllegalArgumentException("shots must be 0 or more, got " + shots);
        }
        if (shots == 0) {
            return examples;
        }
        Map<String, List<Integer>> byPart = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byPart.computeIfAbsent(examples.get(i).part(), p -> new ArrayList<>()).add(i);
        }
        Example[] built = new Example[examples.size()];
        for (List<Integer> part : byPart.values()) {
            for (int position = 0; position < part.size(); position++) {
                Example own = examples.get(part.get(position));
                List<Integer> drawn = draw(part.size(), position, shots, seed, own.part());
                StringBuilder demonstrations = new StringBuilder();
                for (int d : drawn) {
                    demonstrations.append(demonstration(examples.get(part.get(d)), type)).append(SEPARATOR);
                }
                built[part.get(position)] = withDemonstrations(own, demonstrations.toString());
            }
        }
        return List.of(built);
    }

    /** The positions (within the part) of the demonstrations for the example at {@code own}, in prompt order. */
    static List<Integer> draw(int partSize, int own, int shots, long seed, String part) {
        int k = Math.min(shots, partSize - 1);
        int[] others = new int[partSize - 1];
        for (int i = 0, j = 0; i < partSize; i++) {
            if (i != own) {
                others[j++] = i;
            }
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + part.hashCode() * 31L + own);
        List<Integer> drawn = new ArrayList<>(k);
        for (int i = 0; i < k; i++) { // partial Fisher-Yates: without replacement
            int pick = i + random.nextInt(others.length - i);
            int chosen = others[pick];
            others[pick] = others[i];
            others[i] = chosen;
            drawn.add(chosen);
        }
        return drawn;
    }

    /** A demonstration: the example's prompt with its correct answer appended, exactly as it would be scored. */
    static String demonstration(Example example, TaskType type) {
        if (type == TaskType.SEQUENCE_PROB) {
            return example.prompt() + example.completion();
        }
        return example.prompt() + example.classes().get(example.answerIndex());
    }

    private static Example withDemonstrations(Example own, String demonstrations) {
        String otherPrompt = own.otherPrompt() == null ? null : demonstrations + own.otherPrompt();
        return new Example(own.part(), own.row(), own.line(), demonstrations + own.prompt(), otherPrompt,
                own.classes(), own.answerIndex(), own.completion(), own.extra());
    }
}
