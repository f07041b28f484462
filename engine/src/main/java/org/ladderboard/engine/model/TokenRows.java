package org.ladderboard.engine.model;

/**
 * What a model reads: rows of tokens, each row a prefix tree laid out depth first, so that a token sees exactly its
 * ancestors and itself. A token at index k heads the subtree {@code k … subtreeEnd[k] − 1}; the token at q may attend
 * to k when {@code k ≤ q < subtreeEnd[k]}. A plain sequence is the tree with one branch ({@code subtreeEnd} = its
 * length everywhere); padding is a token that heads only itself ({@code subtreeEnd[k] = k + 1}), which nothing else
 * can see. Positions are each token's depth in its tree.
 *
 * @param rows       B
 * @param width      T, the padded row length
 * @param ids        {@code [B·T]} token ids, row by row
 * @param positions  {@code [B·T]} positions
 * @param subtreeEnd {@code [B·T]} the row index just past each token's subtree
 */
public record TokenRows(int rows, int width, long[] ids, long[] positions, long[] subtreeEnd) {

    /** One plain causal sequence. */
    public static TokenRows causal(long[] ids) {
        long[] positions = new long[ids.length];
        long[] end = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            positions[i] = i;
            end[i] = ids.length;
        }
        return new TokenRows(1, ids.length, ids, positions, end);
    }
}
