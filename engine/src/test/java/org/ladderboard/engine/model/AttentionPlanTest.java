package org.ladderboard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * Attention through the plan's gathered paths equals attention under the dense mask the rows describe
 * ({@code k ≤ q < subtreeEnd[k]}), computed here independently, on prefix-tree rows of every shape the scorer makes:
 * several trees in a row, branches, single-token roots, padding and rows of different lengths in one batch.
 */
class AttentionPlanTest {

    /** A random forest laid out depth first: each new token is a child of the previous one or of an ancestor of it. */
    private static TokenRows randomRows(Random random, int rows, int width) {
        long[] ids = new long[rows * width];
        long[] positions = new long[rows * width];
        long[] ends = new long[rows * width];
        for (int b = 0; b < rows; b++) {
            int length = b == 0 ? width : 1 + random.nextInt(width);
            List<Integer> open = new ArrayList<>();
            int[] depth = new int[width];
            for (int k = 0; k < length; k++) {
                int keep = open.isEmpty() ? 0 : switch (random.nextInt(6)) {
                    case 0 -> 0;                                   // a new tree in the same row
                    case 1 -> random.nextInt(open.size());         // a branch off an ancestor
                    default -> open.size();                        // the child of the previous token
                };
                while (open.size() > keep) {
                    ends[b * width + open.remove(open.size() - 1)] = k;
                }
                depth[k] = open.size();
                open.add(k);
            }
            for (int k : open) {
                ends[b * width + k] = length;
            }
            for (int k = 0; k < width; k++) {
                positions[b * width + k] = k < length ? depth[k] : 0;
                if (k >= length) {
                    ends[b * width + k] = k + 1; // padding heads only itself
                }
            }
        }
        return new TokenRows(rows, width, ids, positions, ends);
    }

    private static NDArray denseReference(NDManager manager, NDArray q, NDArray k, NDArray v, TokenRows rows) {
        int t = rows.width();
        float[] bias = new float[rows.rows() * t * t];
        for (int b = 0; b < rows.rows(); b++) {
            for (int query = 0; query < t; query++) {
                for (int key = 0; key < t; key++) {
                    boolean visible = key <= query && query < rows.subtreeEnd()[b * t + key];
                    bias[(b * t + query) * t + key] = visible ? 0f : Float.NEGATIVE_INFINITY;
                }
            }
        }
        NDArray mask = manager.create(bias, new Shape(rows.rows(), 1, t, t));
        double scale = 1.0 / Math.sqrt(q.getShape().get(3));
        NDArray out = q.mul(scale).matMul(k.transpose(0, 1, 3, 2)).add(mask).softmax(-1).matMul(v);
        long[] s = out.getShape().getShape();
        return out.transpose(0, 2, 1, 3).reshape(s[0], s[2], s[1] * s[3]);
    }

    @Test
    void gatheredPathsEqualTheDenseMask() {
        Random random = new Random(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int trial = 0; trial < 40; trial++) {
                int rows = 1 + random.nextInt(3);
                int width = 1 + random.nextInt(70);
                int heads = 1 + random.nextInt(4);
                int kvHeads = heads % 2 == 0 && random.nextBoolean() ? heads / 2 : heads;
                TokenRows tokenRows = randomRows(random, rows, width);
                NDArray q = manager.randomNormal(new Shape(rows, heads, width, 8));
                NDArray k = manager.randomNormal(new Shape(rows, kvHeads, width, 8));
                NDArray v = manager.randomNormal(new Shape(rows, kvHeads, width, 8));
                AttentionPlan plan = AttentionPlan.of(tokenRows, manager, DataType.FLOAT32);
                NDArray got = Attention.apply(q, k, v, plan);
                NDArray expected = denseReference(manager, q, k.repeat(1, heads / kvHeads), v.repeat(1, heads / kvHeads), tokenRows);
                assertThat(got.getShape()).isEqualTo(expected.getShape());
                float largest = got.sub(expected).abs().max().getFloat();
                assertThat(largest).as("trial %d: %d rows × %d, %d heads (%d kv)", trial, rows, width, heads, kvHeads)
                        .isLessThan(1e-5f);
            }
        }
    }

    @Test
    void aRowOfSeveralPromptsComputesTheScoresItsQueriesMayRead() {
        // three 90-token prompts under a 10-token instruction, each with two one-token class branches
        int width = 10 + 3 * (90 + 2);
        long[] ends = new long[width];
        long[] positions = new long[width];
        int k = 0;
        for (; k < 10; k++) {
            ends[k] = width;
            positions[k] = k;
        }
        for (int prompt = 0; prompt < 3; prompt++) {
            int start = k;
            for (int i = 0; i < 90; i++, k++) {
                ends[k] = start + 92;
                positions[k] = 10 + i;
            }
            for (int branch = 0; branch < 2; branch++, k++) {
                ends[k] = k + 1;
                positions[k] = 100;
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionPlan plan = AttentionPlan.of(new TokenRows(1, width, new long[width], positions, ends), manager, DataType.FLOAT32);
            long dense = (long) width * width;
            assertThat(plan.scores()).isLessThan(dense / 2);
        }
    }
}
