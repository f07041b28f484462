package org.ladderboard.tokenizer;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.tokenizer.ContextAndContinuation;
import org.ladderboard.validation.Check;
import org.ladderboard.validation.ExampleCheck;
import org.ladderboard.validation.Findings;

/**
 * The validator's rules that depend on one model's tokenizer, with the exact token boundaries the scorer uses:
 * classes that vanish into the prompt's last token, classes whose boundary moves, classes that tokenize the same,
 * prompt + class past the model's context, multi-token logodds classes. All warnings: the upload is accepted and
 * the scorer reports the affected rows per model.
 */
public final class TokenizerCheck implements ExampleCheck {

    private static final int CHUNK = 1_000;

    private final String modelName;
    private final ModelTokenizer tokenizer;
    private final int contextLength;

    public TokenizerCheck(String modelName, ModelTokenizer tokenizer, int contextLength) {
        this.modelName = modelName;
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
    }

    @Override
    public void check(TaskType taskType, List<Example> examples, Findings findings) {
        // encoding is nearly all the time: encode a chunk on every core, then report its rows in order; chunks
        // bound the memory held (the token ids of a long prompt are a few kilobytes)
        for (int from = 0; from < examples.size(); from += CHUNK) {
            List<Example> chunk = examples.subList(from, Math.min(examples.size(), from + CHUNK));
            List<List<List<ContextAndContinuation>>> encoded = chunk.parallelStream()
                    .map(e -> prompts(taskType, e).stream()
                            .map(prompt -> ContextAndContinuation.encode(tokenizer, prompt, continuations(taskType, e)))
                            .toList())
                    .toList();
            for (int i = 0; i < chunk.size(); i++) {
                for (List<ContextAndContinuation> pairs : encoded.get(i)) {
                    checkPrompt(taskType, chunk.get(i), continuations(taskType, chunk.get(i)), pairs, findings);
                }
            }
        }
    }

    private static List<String> prompts(TaskType taskType, Example e) {
        return taskType.isLogodds() ? List.of(e.prompt(), e.otherPrompt()) : List.of(e.prompt());
    }

    private static List<String> continuations(TaskType taskType, Example e) {
        return taskType == TaskType.SEQUENCE_PROB ? List.of(e.completion()) : e.classes();
    }

    private void checkPrompt(TaskType taskType, Example e, List<String> continuations, List<ContextAndContinuation> pairs,
                             Findings findings) {
        Set<String> seen = new HashSet<>();
        int longest = 0;
        long[] context = null;
        for (int j = 0; j < continuations.size(); j++) {
            ContextAndContinuation pair = pairs.get(j);
            context = pair.context();
            longest = Math.max(longest, pair.continuation().length);
            String where = "for " + modelName + ", class " + j + " '" + continuations.get(j).replace("\n", "\\n") + "'";
            if (pair.continuation().length == 0) {
                findings.warn(Check.CLASS_NO_TOKENS, e.part(), e.row(), e.line(), "classes", where + " has no tokens of its own");
            } else if (!pair.prefixOk()) {
                findings.warn(Check.CLASS_TOKEN_BOUNDARY, e.part(), e.row(), e.line(), "classes",
                        where + " does not start on a token boundary");
            }
            if (!seen.add(Arrays.toString(pair.continuation())) && continuations.stream().distinct().count() == continuations.size()) {
                findings.warn(Check.CLASSES_TOKEN_IDENTICAL, e.part(), e.row(), e.line(), "classes",
                        "for " + modelName + ", two different classes are the same tokens");
            }
            if (taskType.isLogodds() && pair.continuation().length > 1) {
                findings.warn(Check.LOGODDS_MULTI_TOKEN, e.part(), e.row(), e.line(), "classes",
                        where + " is " + pair.continuation().length + " tokens; only the first counts");
            }
        }
        int read = taskType.isLogodds() ? Math.min(1, longest) : longest;
        if (!ContextAndContinuation.promptFits(contextLength, read, tokenizer.bos().isPresent())) {
            // the scorer would cut the whole prompt away: an upload that is bound to fail is refused here instead
            findings.error(Check.CLASS_LONGER_THAN_CONTEXT, e.part(), e.row(), e.line(), taskType == TaskType.SEQUENCE_PROB
                    ? "completion" : "classes", null, "for " + modelName + ", a " + (taskType == TaskType.SEQUENCE_PROB
                    ? "completion" : "class") + " is " + longest + " tokens; the context holds " + contextLength
                    + ", which leaves no room for the prompt");
        } else if (context != null && context.length > ContextAndContinuation.contextRoom(contextLength, read)) {
            findings.warn(Check.CONTEXT_TOO_LONG, e.part(), e.row(), e.line(), "prompt", "for " + modelName + ", prompt + class is "
                    + (context.length + longest) + " tokens; the context holds " + contextLength);
        }
    }
}
