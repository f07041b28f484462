package org.ladderboard.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.ladderboard.app.examples.ExampleExplorer;
import org.ladderboard.app.examples.ExampleExplorer.Filter;
import org.ladderboard.app.round.VisibleLadders;
import org.springframework.stereotype.Service;

/**
 * The examples behind a curve: those the smallest model gets right and the largest wrong (what inverse scaling is
 * made of), and the reverse, each with every model's probability for each option. The first few of each, per
 * ladder; the example explorer pages through all of them with the same filters.
 */
@Service
public class FlipExplorer {

    public record Flips(String ladder, String smallest, String largest, List<ExampleExplorer.Example> worseWithScale,
                        List<ExampleExplorer.Example> betterWithScale, int worseCount, int betterCount) {
    }

    private static final int SHOWN = 20;

    private final ExampleExplorer explorer;

    public FlipExplorer(ExampleExplorer explorer) {
        this.explorer = explorer;
    }

    /**
     * Per ladder this viewer may see with at least two finished models; classification tasks only (the others have
     * no options to flip). {@code partName} gives a part's name as the reader may see it.
     */
    public List<Flips> flips(long submissionId, UnaryOperator<String> partName, VisibleLadders shown) {
        List<Flips> out = new ArrayList<>();
        for (String ladder : explorer.ladders(submissionId, shown)) {
            List<String> models = explorer.models(submissionId, ladder, shown);
            if (models.size() < 2) {
                continue;
            }
            ExampleExplorer.Page worse = explorer.search(submissionId,
                    new ExampleExplorer.Query(ladder, null, null, Filter.WORSE, 1, SHOWN), partName, shown);
            ExampleExplorer.Page better = explorer.search(submissionId,
                    new ExampleExplorer.Query(ladder, null, null, Filter.BETTER, 1, SHOWN), partName, shown);
            out.add(new Flips(ladder, models.get(0), models.get(models.size() - 1), worse.examples(), better.examples(),
                    worse.total(), better.total()));
        }
        return out;
    }
}
