package org.ladderboard.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;

/** Rules that look across rows: repeats, answers that give themselves away, and the round's minimum size. */
final class DatasetRules {

    /** Below this many rows, answer balance says little. */
    static final int MIN_ROWS_FOR_BALANCE = 10;
    static final double MAX_INDEX_SHARE = 0.75;
    static final double MAX_ANSWER_TEXT_SHARE = 0.9;

    private DatasetRules() {
    }

    static void apply(TaskType taskType, List<Example> examples, int minRows, Findings findings) {
        duplicates(examples, findings);
        if (taskType.hasClasses()) {
            answerBalance(examples, findings);
        }
        if (examples.size() < minRows) {
            findings.error(Check.TOO_FEW_ROWS, null, null, null, null, null, "the dataset has " + examples.size()
                    + " readable rows; this round needs at least " + minRows);
        }
    }

    private static void duplicates(List<Example> examples, Findings findings) {
        Map<String, Example> firstRow = new HashMap<>();
        Map<String, Example> firstPrompt = new HashMap<>();
        for (Example e : examples) {
            String promptKey = e.prompt() + '\u0000' + e.otherPrompt();
            String rowKey = promptKey + '\u0000' + e.classes() + '\u0000' + e.answerIndex() + '\u0000' + e.completion();
            Example sameRow = firstRow.putIfAbsent(rowKey, e);
            if (sameRow != null) {
                findings.warn(Check.DUPLICATE_ROW, e.part(), e.row(), e.line(), null, "row " + e.row() + " repeats " + where(sameRow, e));
                continue;
            }
            Example samePrompt = firstPrompt.putIfAbsent(promptKey, e);
            if (samePrompt != null) {
                findings.warn(Check.DUPLICATE_PROMPT, e.part(), e.row(), e.line(), "prompt",
                        "row " + e.row() + " has the same prompt as " + where(samePrompt, e));
            }
        }
    }

    private static String where(Example first, Example repeat) {
        return "row " + first.row() + (first.part().equals(repeat.part()) ? "" : " of " + first.part());
    }

    private static void answerBalance(List<Example> examples, Findings findings) {
        int n = examples.size();
        if (n < MIN_ROWS_FOR_BALANCE) {
            return;
        }
        Map<Integer, Long> byIndex = examples.stream().collect(Collectors.groupingBy(Example::answerIndex, Collectors.counting()));
        Map.Entry<Integer, Long> topIndex = top(byIndex);
        if (byIndex.size() == 1) {
            findings.warn(Check.ANSWER_ALL_SAME_INDEX, null, null, null, "answer_index",
                    "every row's answer is class " + topIndex.getKey());
        } else if (topIndex.getValue() >= MAX_INDEX_SHARE * n) {
            findings.warn(Check.ANSWER_IMBALANCE, null, null, null, "answer_index", "the answer is class " + topIndex.getKey()
                    + " in " + percent(topIndex.getValue(), n) + " of rows");
        }
        Map<String, Long> byText = examples.stream()
                .collect(Collectors.groupingBy(e -> e.classes().get(e.answerIndex()), Collectors.counting()));
        Map.Entry<String, Long> topText = top(byText);
        if (topText.getValue() >= MAX_ANSWER_TEXT_SHARE * n) {
            findings.warn(Check.ANSWER_TEXT_IMBALANCE, null, null, null, "classes", "'" + topText.getKey().replace("\n", "\\n")
                    + "' is the right answer in " + percent(topText.getValue(), n) + " of rows");
        }
    }

    private static <K> Map.Entry<K, Long> top(Map<K, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    }

    private static String percent(long count, int n) {
        return Math.round(100.0 * count / n) + " %";
    }
}
