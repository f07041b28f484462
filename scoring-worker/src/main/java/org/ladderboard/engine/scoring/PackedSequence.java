package org.ladderboard.engine.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One prompt and all its continuations in a single row of the batch: {@code context, cont₁, cont₂, …}, each
 * continuation without its last token (which is predicted, never read). Each
 * continuation sees the context and its own earlier tokens only, and its positions restart where the context ends,
 * so every continuation is scored exactly as if it ran alone after the prompt, while the prompt runs once.
 *
 * <p>The log-prob of continuation token t is read at the row before it: the context's last token for the first,
 * the previous continuation token after that.
 */
final class PackedSequence {

    /** A scored token: the row whose output predicts it, the token, and which continuation it belongs to. */
    record Target(int row, long token, int continuation) {
    }

    final long[] tokens;
    final long[] positions;
    /** 0 for the context, j + 1 for continuation j. */
    final int[] segments;
    final List<Target> targets = new ArrayList<>();
    final int continuations;

    PackedSequence(long[] context, List<long[]> continuationIds) {
        continuations = continuationIds.size();
        // a continuation's last token is only predicted, never read: it is not part of the row
        int length = context.length + continuationIds.stream().mapToInt(c -> c.length - 1).sum();
        tokens = new long[length];
        positions = new long[length];
        segments = new int[length];
        System.arraycopy(context, 0, tokens, 0, context.length);
        for (int i = 0; i < context.length; i++) {
            positions[i] = i;
        }
        int at = context.length;
        for (int j = 0; j < continuationIds.size(); j++) {
            long[] c = continuationIds.get(j);
            for (int t = 0; t < c.length; t++) {
                if (t < c.length - 1) {
                    tokens[at + t] = c[t];
                    positions[at + t] = context.length + t;
                    segments[at + t] = j + 1;
                }
                targets.add(new Target(t == 0 ? context.length - 1 : at + t - 1, c[t], j));
            }
            at += c.length - 1;
        }
    }

    int length() {
        return tokens.length;
    }

    /** May the token at {@code query} attend to the token at {@code key}? */
    boolean sees(int query, int key) {
        return key <= query && (segments[key] == 0 || segments[key] == segments[query]);
    }

    @Override
    public String toString() {
        return "PackedSequence" + Arrays.toString(tokens);
    }
}
