package org.ladderboard.engine.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import org.ladderboard.checkpoint.ModelConfig;
import org.ladderboard.checkpoint.UnsupportedModelException;
import org.ladderboard.engine.checkpoint.Weights;

/**
 * GPT-NeoX / Pythia (model_type {@code gpt_neox}). The fused {@code query_key_value} projection is laid out per head
 * as {@code [q, k, v]} chunks; rotary on the first {@code rotary_pct·head_dim} features; with
 * {@code use_parallel_residual} a block is {@code x + attn(ln1(x)) + mlp(ln2(x))}, otherwise sequential; exact (erf)
 * GELU; an untied {@code embed_out} head.
 */
final class GptNeox extends DecoderModel {

    private record Block(NDArray ln1Weight, NDArray ln1Bias, Linear qkv, Linear attnOut,
                         NDArray ln2Weight, NDArray ln2Bias, Linear up, Linear down) {
    }

    private final int heads;
    private final int hidden;
    private final float eps;
    private final boolean parallelResidual;
    private final Rotary rotary;
    private final NDArray tokenEmbedding;
    private final List<Block> blocks = new ArrayList<>();
    private final NDArray finalNormWeight;
    private final NDArray finalNormBias;

    GptNeox(ModelConfig config, Weights w, NDManager manager, DataType type) {
        super(manager, type, config.contextLength(), config.integer("vocab_size"));
        heads = config.integer("num_attention_heads");
        hidden = config.integer("hidden_size");
        eps = config.optionalNumber("layer_norm_eps").orElse(1e-5).floatValue();
        parallelResidual = config.flag("use_parallel_residual", true);
        String act = config.optionalString("hidden_act").orElse("gelu");
        if (!act.equals("gelu")) {
            throw new UnsupportedModelException("gpt_neox hidden_act '" + act + "' is not supported");
        }
        int headDim = hidden / heads;
        double rotaryPct = config.optionalNumber("rotary_pct").orElse(config.optionalNumber("partial_rotary_factor").orElse(0.25));
        rotary = new Rotary(manager, (int) (headDim * rotaryPct),
                config.optionalNumber("rotary_emb_base").orElseGet(() -> config.ropeTheta(10000)));
        tokenEmbedding = w.get("gpt_neox.embed_in.weight");
        for (int i = 0; i < config.integer("num_hidden_layers"); i++) {
            String b = "gpt_neox.layers." + i + ".";
            blocks.add(new Block(w.get(b + "input_layernorm.weight"), w.get(b + "input_layernorm.bias"),
                    Linear.ofTorchLinear(w.get(b + "attention.query_key_value.weight"), w.get(b + "attention.query_key_value.bias")),
                    Linear.ofTorchLinear(w.get(b + "attention.dense.weight"), w.get(b + "attention.dense.bias")),
                    w.get(b + "post_attention_layernorm.weight"), w.get(b + "post_attention_layernorm.bias"),
                    Linear.ofTorchLinear(w.get(b + "mlp.dense_h_to_4h.weight"), w.get(b + "mlp.dense_h_to_4h.bias")),
                    Linear.ofTorchLinear(w.get(b + "mlp.dense_4h_to_h.weight"), w.get(b + "mlp.dense_4h_to_h.bias"))));
        }
        finalNormWeight = w.get("gpt_neox.final_layer_norm.weight");
        finalNormBias = w.get("gpt_neox.final_layer_norm.bias");
        Block last = blocks.get(blocks.size() - 1);
        finish(w.get("embed_out.weight").transpose(),
                blocks.stream().mapToLong(b -> Linear.size(b.qkv(), b.attnOut(), b.up(), b.down())).sum(),
                Linear.size(last.attnOut(), last.up(), last.down()));
    }

    @Override
    public NDArray hidden(TokenRows rows, long[] read) {
        NDArray[] idsAndPositions = idsAndPositions(rows);
        NDArray ids = idsAndPositions[0];
        NDArray positions = idsAndPositions[1];
        AttentionPlan plan = attentionPlan(rows);
        NDArray at = positionsRead(read);
        NDArray x = tokenEmbedding.get(ids);
        long batch = ids.getShape().get(0);
        long length = ids.getShape().get(1);
        int headDim = hidden / heads;
        NDArray[] cosSin = rotary.angles(positions, computeType());
        NDArray stream = x;
        for (Block b : blocks) {
            // the last block reads every token's keys and values but updates only the rows that are read
            boolean last = b == blocks.get(blocks.size() - 1);
            NDArray out = stream = last ? rowsAt(x, at) : x;
            block(() -> {
                // [B, T, heads, 3·d]: each head's q, k and v are adjacent
                NDArray qkv = b.qkv().apply(norm(x, b.ln1Weight(), b.ln1Bias())).reshape(batch, length, heads, 3L * headDim)
                        .transpose(0, 2, 1, 3);
                NDArray q = rotary.apply(qkv.get("..., 0:" + headDim), cosSin);
                NDArray k = rotary.apply(qkv.get("..., " + headDim + ":" + 2 * headDim), cosSin);
                NDArray v = qkv.get("..., " + 2 * headDim + ":");
                NDArray mixed = Attention.apply(q, k, v, plan);
                NDArray attention = b.attnOut().apply(last ? rowsAt(mixed, at) : mixed);
                if (parallelResidual) {
                    NDArray mlp = mlp(b, norm(out, b.ln2Weight(), b.ln2Bias()));
                    out.addi(attention).addi(mlp);
                } else {
                    out.addi(attention);
                    out.addi(mlp(b, norm(out, b.ln2Weight(), b.ln2Bias())));
                }
            });
        }
        return norm(stream, finalNormWeight, finalNormBias);
    }

    private static NDArray mlp(Block b, NDArray x) {
        return b.down().apply(Activation.gelu(b.up().apply(x)));
    }

    private NDArray norm(NDArray x, NDArray weight, NDArray bias) {
        return LayerNorm.layerNorm(x, new Shape(hidden), weight, bias, eps).singletonOrThrow();
    }
}
