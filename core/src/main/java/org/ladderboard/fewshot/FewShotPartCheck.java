package org.ladderboard.fewshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.Check;
import org.ladderboard.validation.ExampleCheck;
import org.ladderboard.validation.Findings;

/**
 * For a round with a few-shot sweep: a part with K or fewer examples cannot give each of its examples K others as
 * demonstrations ({@link FewShot#build} then gives every other example of the part), so its K-shot curve measures
 * fewer demonstrations than it says. A warning, once per part, naming the largest K it can serve.
 */
public final class FewShotPartCheck implements ExampleCheck {

    private final int largestShots;

    /** {@code largestShots}: the sweep's largest K. */
    public FewShotPartCheck(int largestShots) {
        this.largestShots = largestShots;
    }

    @Override
    public void check(TaskType taskType, List<Example> examples, Findings findings) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        examples.forEach(e -> sizes.merge(e.part(), 1, Integer::sum));
        sizes.forEach((part, size) -> {
            if (size <= largestShots) {
                findings.warn(Check.FEW_SHOT_PART_SMALL, part, null, null, null, "the part has " + size
                        + (size == 1 ? " example" : " examples") + ", so its K-shot prompts for K = " + largestShots
                        + " carry only " + (size - 1) + (size - 1 == 1 ? " demonstration" : " demonstrations")
                        + " (the round's few-shot sweep goes up to " + largestShots + ")");
            }
        });
    }
}
