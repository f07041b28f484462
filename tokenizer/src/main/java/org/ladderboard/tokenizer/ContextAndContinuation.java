package org.ladderboard.tokenizer;

import java.util.Arrays;
import java.util.List;

import org.ladderboard.tokenizer.ModelTokenizer;

/**
 * Token boundaries exactly as lm-evaluation-harness draws them: whitespace at the end of the context moves to the
 * front of the continuation; the continuation's tokens are encode(context + continuation) minus as many leading
 * tokens as encode(context) has. Encoding the class alone would count different tokens (" Yes" ≠ "Yes").
 *
 * @param context      the context's ids with BOS (or the prefix token for an empty context) in front
 * @param continuation the continuation's ids; empty means the tokenizer merged it into the context
 * @param prefixOk     whether encode(context) is a prefix of the joint encoding (if not, the boundary moved)
 */
public record ContextAndContinuation(long[] context, long[] continuation, boolean prefixOk) {

    public static ContextAndContinuation encode(ModelTokenizer tokenizer, String context, String continuation) {
        return encode(tokenizer, context, List.of(continuation)).get(0);
    }

    /** One pair per continuation of the same prompt; the context, the same for all of them, is encoded once. */
    public static List<ContextAndContinuation> encode(ModelTokenizer tokenizer, String context, List<String> continuations) {
        // the whitespace that moves depends on the context alone
        String moved = context.substring(context.stripTrailing().length());
        String kept = context.substring(0, context.length() - moved.length());
        long[] contextIds = tokenizer.encode(kept);
        long[] prefixed = withPrefix(tokenizer, contextIds);
        return continuations.stream().map(continuation -> {
            long[] whole = tokenizer.encode(kept + moved + continuation);
            long[] continuationIds = Arrays.copyOfRange(whole, Math.min(contextIds.length, whole.length), whole.length);
            boolean prefixOk = whole.length >= contextIds.length
                    && Arrays.equals(whole, 0, contextIds.length, contextIds, 0, contextIds.length);
            return new ContextAndContinuation(prefixed, continuationIds, prefixOk);
        }).toList();
    }

    private static long[] withPrefix(ModelTokenizer tokenizer, long[] contextIds) {
        if (tokenizer.bos().isPresent()) {
            long[] out = new long[contextIds.length + 1];
            out[0] = tokenizer.bos().getAsLong();
            System.arraycopy(contextIds, 0, out, 1, contextIds.length);
            return out;
        }
        return contextIds.length == 0 ? new long[] {tokenizer.prefixToken()} : contextIds;
    }

    /**
     * How many context tokens fit in a model's context before a continuation of {@code continuationTokens}: the model
     * reads every continuation token but the last, which is only predicted (lm-evaluation-harness's window of
     * context length + 1 tokens).
     */
    public static int contextRoom(int modelContext, int continuationTokens) {
        return modelContext - continuationTokens + 1;
    }

    /**
     * Whether any of the prompt can be read before a continuation of {@code continuationTokens}: at least one
     * context token beside the BOS token a tokenizer may put first. When not, the row can never be scored.
     */
    public static boolean promptFits(int modelContext, int continuationTokens, boolean hasBos) {
        return contextRoom(modelContext, continuationTokens) >= (hasBos ? 2 : 1);
    }
}
