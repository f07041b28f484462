package org.ladderboard.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Which keys each query of a batch reads, planned once per batch and shared by every layer. A row holds prefix trees
 * laid out depth first ({@link TokenRows}): a token may read exactly its ancestors and itself. The row falls into
 * <em>segments</em>, runs in which each token is the child of the one before; a segment with the short segments right
 * after it (a prompt's other classes) forms a <em>unit</em>. A unit's queries are contiguous and read only the unit's
 * keys: the ancestors of its first token, then the unit's own tokens, under the row's mask
 * ({@code k ≤ q < subtreeEnd[k]}).
 * <p>
 * A dense {@code [T, T]} mask would make every query read the whole row, although in a row of several prompts each
 * reads only its own: with three 90-token prompts under a shared instruction, about four scores in five are masked,
 * and a batch-long row would cost attention its length squared. Units of similar size are gathered into
 * {@link Group}s, padded to the group's largest; the grouping minimises what a group costs: its scores (padding
 * included), the keys it gathers (each a copy of a key and a value, worth several scores) and a fixed price for its
 * few extra calls.
 */
final class AttentionPlan {

    /** A group's fixed cost, in scores: its gathers, two matmuls and softmax are calls of their own, per layer. */
    private static final long GROUP_COST = 8192;
    /** A gathered key's cost, in scores: copying its key and value moves more memory than a score computes. */
    private static final long KEY_COST = 8;
    /** Scores per group at most ({@code [G, Lq, Lk]}, times heads in memory), unless one unit needs more. */
    private static final long GROUP_SCORES = 1 << 20;
    /** A segment takes the short segments after it into its unit while they add at most this many tokens … */
    private static final int FOLLOWER_TOKENS = 8;
    /** … or at most this fraction of the segment's own length. */
    private static final int FOLLOWERS_SHARE = 4;

    /**
     * Units padded to {@code queries × keys}.
     *
     * @param units     G
     * @param queries   query slots per unit (Lq)
     * @param keys      key slots per unit (Lk)
     * @param queryAt   {@code [G·Lq]} flat indices {@code b·T + t} of the queries (a padding slot repeats a real one)
     * @param keyAt     {@code [G·Lk]} flat indices of the keys
     * @param bias      {@code [G, 1, Lq, Lk]}: 0 where the query may read the key, −∞ where not
     */
    record Group(int units, int queries, int keys, NDArray queryAt, NDArray keyAt, NDArray bias) {
    }

    /** Queries {@code start … start+length−1} (flat indices), reading {@code keys}: ancestors, then the queries. */
    private record Unit(int start, int length, int[] keys) {
    }

    private final List<Group> groups;
    private final NDArray outputAt;
    private final long scores;

    private AttentionPlan(List<Group> groups, NDArray outputAt, long scores) {
        this.groups = groups;
        this.outputAt = outputAt;
        this.scores = scores;
    }

    List<Group> groups() {
        return groups;
    }

    /** {@code [B·T]}: for each token, its row among the groups' outputs laid end to end. */
    NDArray outputAt() {
        return outputAt;
    }

    /** Query-key scores computed per head and layer, padding included. */
    long scores() {
        return scores;
    }

    static AttentionPlan of(TokenRows rows, NDManager manager, DataType type) {
        List<Unit> units = units(rows);
        units.sort(Comparator.comparingInt(Unit::length).thenComparingInt(u -> u.keys().length));
        int[] cut = cheapestGrouping(units);
        long[] end = rows.subtreeEnd();
        int width = rows.width();
        List<Group> groups = new ArrayList<>();
        long[] outputAt = new long[rows.rows() * width];
        long scores = 0;
        int outputRow = 0;
        for (int from = 0; from < units.size(); from = cut[from]) {
            List<Unit> members = units.subList(from, cut[from]);
            int queries = members.get(members.size() - 1).length();
            int keys = members.stream().mapToInt(u -> u.keys().length).max().orElseThrow();
            long[] queryAt = new long[members.size() * queries];
            long[] keyAt = new long[members.size() * keys];
            // the mask's terms, as flat indices: key k is read by queries k … keyEnd−1; a padding key by none
            long[] keyEnd = new long[members.size() * keys];
            for (int g = 0; g < members.size(); g++) {
                Unit u = members.get(g);
                for (int j = 0; j < queries; j++) {
                    // a padding query slot repeats the unit's first query, so no row of scores is all −∞
                    queryAt[g * queries + j] = u.start() + (j < u.length() ? j : 0);
                    if (j < u.length()) {
                        outputAt[u.start() + j] = outputRow + (long) g * queries + j;
                    }
                }
                for (int m = 0; m < keys; m++) {
                    boolean real = m < u.keys().length;
                    int key = u.keys()[real ? m : 0];
                    keyAt[g * keys + m] = key;
                    keyEnd[g * keys + m] = real ? (long) key / width * width + end[key] : -1;
                }
            }
            NDArray query = manager.create(queryAt, new Shape(members.size(), 1, queries, 1));
            NDArray key = manager.create(keyAt, new Shape(members.size(), 1, 1, keys));
            NDArray visible = key.lte(query).logicalAnd(manager.create(keyEnd, new Shape(members.size(), 1, 1, keys)).gt(query));
            // log(1) = 0, log(0) = −∞: exact, with no 0·∞
            NDArray bias = visible.toType(DataType.FLOAT32, false).log().toType(type, false);
            groups.add(new Group(members.size(), queries, keys, manager.create(queryAt), manager.create(keyAt), bias));
            outputRow += members.size() * queries;
            scores += (long) members.size() * queries * keys;
        }
        return new AttentionPlan(groups, manager.create(outputAt), scores);
    }

    /**
     * The units of every row, with flat indices. Token k continues the segment of k − 1 when k − 1 is its parent
     * ({@code subtreeEnd[k−1] > k}). A unit is a segment and the short segments right after it (the other classes of a
     * prompt), while they add at most {@link #FOLLOWER_TOKENS} tokens or 1/{@link #FOLLOWERS_SHARE} of the first;
     * any contiguous run of tokens reads only the ancestors of its first token and itself, since an earlier token
     * whose subtree holds a later one holds everything between them.
     */
    private static List<Unit> units(TokenRows rows) {
        List<Unit> out = new ArrayList<>();
        int width = rows.width();
        long[] end = rows.subtreeEnd();
        for (int b = 0; b < rows.rows(); b++) {
            int base = b * width;
            // open[0 … depth): the ancestors of token k, innermost last
            int[] open = new int[width];
            int depth = 0;
            int k = 0;
            while (k < width) {
                while (depth > 0 && end[base + open[depth - 1]] <= k) {
                    depth--;
                }
                int start = k;
                int first = segmentEnd(end, base, width, start) - start;
                int stop = start + first;
                int room = Math.max(FOLLOWER_TOKENS, first / FOLLOWERS_SHARE);
                while (stop < width && segmentEnd(end, base, width, stop) - start - first <= room) {
                    stop = segmentEnd(end, base, width, stop);
                }
                int[] keys = new int[depth + stop - start];
                for (int i = 0; i < depth; i++) {
                    keys[i] = base + open[i];
                }
                for (int t = start; t < stop; t++) {
                    keys[depth + t - start] = base + t;
                }
                out.add(new Unit(base + start, stop - start, keys));
                // walk the unit's tokens to leave open exactly the ancestors of the next one
                for (k = start; k < stop; k++) {
                    while (depth > 0 && end[base + open[depth - 1]] <= k) {
                        depth--;
                    }
                    open[depth++] = k;
                }
            }
        }
        return out;
    }

    /** Just past the segment starting at {@code start}: the first token that is not the child of the one before. */
    private static int segmentEnd(long[] end, int base, int width, int start) {
        int k = start;
        while (k + 1 < width && end[base + k] > k + 1) {
            k++;
        }
        return k + 1;
    }

    /**
     * Cuts the units, sorted by length, into consecutive groups at the least cost (each group's padded scores, its
     * gathered keys and {@link #GROUP_COST}): {@code cut[i]} is where the group starting at i ends. O(n²) over a
     * batch's units.
     */
    private static int[] cheapestGrouping(List<Unit> units) {
        int n = units.size();
        long[] best = new long[n + 1];
        int[] cut = new int[n + 1];
        Arrays.fill(best, Long.MAX_VALUE);
        best[n] = 0;
        for (int i = n - 1; i >= 0; i--) {
            int keys = 0;
            for (int j = i; j < n; j++) {
                keys = Math.max(keys, units.get(j).keys().length);
                long members = j - i + 1;
                long padded = members * units.get(j).length() * keys;
                if (j > i && padded > GROUP_SCORES) {
                    break;
                }
                long cost = GROUP_COST + padded + KEY_COST * members * keys + best[j + 1];
                if (cost < best[i]) {
                    best[i] = cost;
                    cut[i] = j + 1;
                }
            }
        }
        return cut;
    }
}
