package org.ladderboard.engine.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.TokenRows;

/**
 * Runs token sequences through the model with every shared prefix once. The sequences are sorted, so that those
 * sharing a prefix are neighbours, and packed into rows as prefix trees (radix-attention style): a sequence adds only
 * the tokens after its longest common prefix with the one before, and those attend to the shared prefix's keys and
 * values, so each shared token is computed once per row. Attention reads only each token's own path through its
 * tree (the model's attention plan), so a row's length costs nothing in attention: rows are filled up to their
 * length whether or not the next sequence shares anything, which also leaves no padding. Rows of similar length
 * are batched under a token budget, and only positions that predict a target reach the vocabulary head, each once
 * however many targets it predicts.
 */
final class PrefixTreeBatches {

    /** Rows through the vocabulary head at once: 256 × 50k float32 logits are 51 MB. */
    private static final int HEAD_CHUNK = 256;

    /**
     * A sequence the model reads and the tokens it must predict: target t is predicted by the output at
     * {@code tokens[firstTarget + t]}.
     */
    record Sequence(long[] tokens, int firstTarget, long[] targets) {
    }

    private static final class Row {
        final List<Long> ids = new ArrayList<>();
        final List<Integer> depths = new ArrayList<>();
        final List<Integer> sequences = new ArrayList<>();

        int add(long id, int depth) {
            ids.add(id);
            depths.add(depth);
            return ids.size() - 1;
        }

        int length() {
            return ids.size();
        }

        /** Depth-first layout: a subtree ends at the first later token no deeper than its head. */
        long[] subtreeEnds() {
            long[] end = new long[length()];
            int[] stack = new int[length()];
            int top = 0;
            for (int k = 0; k < length(); k++) {
                while (top > 0 && depths.get(stack[top - 1]) >= depths.get(k)) {
                    end[stack[--top]] = k;
                }
                stack[top++] = k;
            }
            while (top > 0) {
                end[stack[--top]] = length();
            }
            return end;
        }
    }

    private PrefixTreeBatches() {
    }

    /**
     * Whether a sequence joins the current row, sharing its first {@code shared} tokens and adding {@code added}, or
     * starts a row of its own: it joins while the row stays within {@code maxRow} tokens ({@code maxRow} 1 shares
     * nothing). A shared prefix longer than half a row would be run again in the next row for every sequence that
     * does not fit, so a row may then grow to twice the sequence's length instead.
     */
    static boolean joins(int rowLength, int shared, int added, int maxRow) {
        long limit = maxRow > 1 && 2L * shared > maxRow ? Math.max(maxRow, 2L * (shared + added)) : maxRow;
        return rowLength + added <= limit;
    }

    /** Tokens in the prefix tree of all the sequences: what running every shared prefix once costs. */
    static long distinctPrefixTokens(List<Sequence> sequences) {
        List<long[]> sorted = sequences.stream().map(Sequence::tokens).sorted(Arrays::compare).toList();
        long total = 0;
        long[] previous = new long[0];
        for (long[] s : sorted) {
            total += s.length - commonPrefix(previous, s);
            previous = s;
        }
        return total;
    }

    /**
     * Log-probs of each sequence's targets: {@code result[s][t]}. Adds to {@code work} the tokens run through the
     * body (padding excluded), with padding, and the rows run through the vocabulary head.
     */
    static double[][] logprobs(CausalLanguageModel model, List<Sequence> sequences, int rowTokens, int tokenBudget,
                               BooleanSupplier cancelled, long[] work) {
        int n = sequences.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compare(sequences.get(a).tokens(), sequences.get(b).tokens()));
        int[][] nodes = new int[n][];
        int[] rowOf = new int[n];
        List<Row> rows = new ArrayList<>();
        Row row = null;
        int previous = -1;
        for (int i : order) {
            long[] s = sequences.get(i).tokens();
            int shared = row == null ? 0 : commonPrefix(sequences.get(previous).tokens(), s);
            if (row == null || !joins(row.length(), shared, s.length - shared, rowTokens)) {
                row = new Row();
                rows.add(row);
                shared = 0;
            }
            nodes[i] = new int[s.length];
            for (int p = 0; p < s.length; p++) {
                nodes[i][p] = p < shared ? nodes[previous][p] : row.add(s[p], p);
            }
            rowOf[i] = rows.size() - 1;
            row.sequences.add(i);
            previous = i;
        }

        double[][] out = new double[n][];
        List<Row> byLength = new ArrayList<>(rows);
        byLength.sort(Comparator.comparingInt(Row::length));
        int start = 0;
        while (start < byLength.size()) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("scoring cancelled");
            }
            int end = start + 1;
            // sorted ascending, so the last row sets the padded width
            while (end < byLength.size() && (long) (end - start + 1) * byLength.get(end).length() <= tokenBudget) {
                end++;
            }
            run(model, byLength.subList(start, end), sequences, nodes, out, work);
            start = end;
        }
        return out;
    }

    private static void run(CausalLanguageModel model, List<Row> batch, List<Sequence> sequences, int[][] nodes,
                            double[][] out, long[] work) {
        int rows = batch.size();
        int width = batch.get(batch.size() - 1).length();
        long[] ids = new long[rows * width];
        long[] positions = new long[rows * width];
        long[] ends = new long[rows * width];
        // each predicting position reaches the head once: headIndex[b·T + k] is its row there, or −1
        int[] headIndex = new int[rows * width];
        Arrays.fill(headIndex, -1);
        List<Long> headRows = new ArrayList<>();
        int targets = 0;
        for (int b = 0; b < rows; b++) {
            Row r = batch.get(b);
            long[] rowEnds = r.subtreeEnds();
            for (int k = 0; k < width; k++) {
                int at = b * width + k;
                if (k < r.length()) {
                    ids[at] = r.ids.get(k);
                    positions[at] = r.depths.get(k);
                    ends[at] = rowEnds[k];
                } else {
                    ends[at] = k + 1;
                }
            }
            for (int s : r.sequences) {
                Sequence seq = sequences.get(s);
                for (int t = 0; t < seq.targets().length; t++) {
                    int at = b * width + nodes[s][seq.firstTarget() + t];
                    if (headIndex[at] < 0) {
                        headIndex[at] = headRows.size();
                        headRows.add((long) at);
                    }
                    targets++;
                }
            }
            work[0] += r.length();
        }
        work[1] += (long) rows * width;
        work[2] += headRows.size();
        // the head's rows are taken HEAD_CHUNK at a time, so its [rows, vocab] logits stay small whatever the batch
        long vocab = model.vocabSize();
        int chunks = (headRows.size() + HEAD_CHUNK - 1) / HEAD_CHUNK;
        List<List<Long>> picks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            picks.add(new ArrayList<>());
        }
        int[] pickChunk = new int[targets];
        int p = 0;
        for (int b = 0; b < rows; b++) {
            for (int s : batch.get(b).sequences) {
                Sequence seq = sequences.get(s);
                for (int t = 0; t < seq.targets().length; t++) {
                    int head = headIndex[b * width + nodes[s][seq.firstTarget() + t]];
                    pickChunk[p++] = head / HEAD_CHUNK;
                    picks.get(head / HEAD_CHUNK).add((head % HEAD_CHUNK) * vocab + seq.targets()[t]);
                }
            }
        }
        try (NDScope scope = new NDScope()) {
            NDManager manager = model.manager();
            // only the positions that predict a target are read: the model's last block runs only there
            NDArray hidden = model.hidden(new TokenRows(rows, width, ids, positions, ends),
                    headRows.stream().mapToLong(Long::longValue).toArray());
            float[][] pickedByChunk = new float[chunks][];
            for (int c = 0; c < chunks; c++) {
                try (NDScope chunkScope = new NDScope()) {
                    NDArray chunk = hidden.get(c * HEAD_CHUNK + ":" + Math.min(headRows.size(), (c + 1) * HEAD_CHUNK));
                    NDArray logprobs = model.logits(chunk).toType(DataType.FLOAT32, false).logSoftmax(-1);
                    pickedByChunk[c] = logprobs.reshape(-1)
                            .get(manager.create(picks.get(c).stream().mapToLong(Long::longValue).toArray())).toFloatArray();
                }
            }
            int[] nextInChunk = new int[chunks];
            float[] picked = new float[targets];
            for (int i = 0; i < targets; i++) {
                picked[i] = pickedByChunk[pickChunk[i]][nextInChunk[pickChunk[i]]++];
            }
            p = 0;
            for (Row r : batch) {
                for (int s : r.sequences) {
                    double[] lp = new double[sequences.get(s).targets().length];
                    for (int t = 0; t < lp.length; t++) {
                        lp[t] = picked[p++];
                    }
                    out[s] = lp;
                }
            }
        }
    }

    private static int commonPrefix(long[] a, long[] b) {
        int m = Arrays.mismatch(a, b);
        return m < 0 ? a.length : m;
    }
}
