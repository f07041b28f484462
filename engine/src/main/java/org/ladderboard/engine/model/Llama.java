package org.ladderboard.engine.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import org.ladderboard.checkpoint.ModelConfig;
import org.ladderboard.checkpoint.UnsupportedModelException;
import org.ladderboard.engine.checkpoint.Weights;

/**
 * The Llama family (model_type {@code llama}, {@code qwen2}, {@code mistral}): RMSNorm (eps from config) computed in
 * float32; rotate-half RoPE over the whole head with {@code rope_theta}; grouped-query attention (kv head of query
 * head h is {@code h / (heads / kvHeads)}); a SwiGLU MLP {@code down(silu(gate(x)) · up(x))}; q/k/v biases where
 * the checkpoint has them (Qwen2); a head tied to the embeddings unless {@code lm_head.weight} exists.
 */
final class Llama extends DecoderModel {

    private record Block(NDArray inputNorm, Linear q, Linear k, Linear v, Linear o,
                         NDArray postAttentionNorm, Linear gate, Linear up, Linear down) {
    }

    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final float eps;
    private final Rotary rotary;
    private final NDArray tokenEmbedding;
    private final List<Block> blocks = new ArrayList<>();
    private final NDArray finalNorm;

    Llama(ModelConfig config, Weights w, NDManager manager, DataType type) {
        super(manager, type, config.contextLength(), config.integer("vocab_size"));
        int hidden = config.integer("hidden_size");
        heads = config.integer("num_attention_heads");
        kvHeads = config.optionalInteger("num_key_value_heads").orElse(heads);
        headDim = config.optionalInteger("head_dim").orElse(hidden / heads);
        eps = config.optionalNumber("rms_norm_eps").orElse(1e-6).floatValue();
        String act = config.optionalString("hidden_act").orElse("silu");
        if (!act.equals("silu")) {
            throw new UnsupportedModelException(config.modelType() + " hidden_act '" + act + "' is not supported");
        }
        rotary = new Rotary(manager, headDim, config.ropeTheta(10000));
        tokenEmbedding = w.get("model.embed_tokens.weight");
        for (int i = 0; i < config.integer("num_hidden_layers"); i++) {
            String b = "model.layers." + i + ".";
            blocks.add(new Block(w.get(b + "input_layernorm.weight"),
                    linear(w, b + "self_attn.q_proj"), linear(w, b + "self_attn.k_proj"),
                    linear(w, b + "self_attn.v_proj"), linear(w, b + "self_attn.o_proj"),
                    w.get(b + "post_attention_layernorm.weight"),
                    linear(w, b + "mlp.gate_proj"), linear(w, b + "mlp.up_proj"), linear(w, b + "mlp.down_proj")));
        }
        finalNorm = w.get("model.norm.weight");
        boolean tied = config.flag("tie_word_embeddings", !w.has("lm_head.weight"));
        Block last = blocks.get(blocks.size() - 1);
        finish((tied ? tokenEmbedding : w.get("lm_head.weight")).transpose(),
                blocks.stream().mapToLong(b -> Linear.size(b.q(), b.k(), b.v(), b.o(), b.gate(), b.up(), b.down())).sum(),
                Linear.size(last.o(), last.gate(), last.up(), last.down()));
    }

    private static Linear linear(Weights w, String name) {
        return Linear.ofTorchLinear(w.get(name + ".weight"), w.find(name + ".bias").orElse(null));
    }

    @Override
    public NDArray hidden(TokenRows rows, long[] read) {
        NDArray[] idsAndPositions = idsAndPositions(rows);
        NDArray ids = idsAndPositions[0];
        NDArray positions = idsAndPositions[1];
        AttentionPlan plan = attentionPlan(rows);
        NDArray at = positionsRead(read);
        NDArray x = tokenEmbedding.get(ids);
        NDArray[] cosSin = rotary.angles(positions, computeType());
        NDArray stream = x;
        for (Block b : blocks) {
            // the last block reads every token's keys and values but updates only the rows that are read
            boolean last = b == blocks.get(blocks.size() - 1);
            NDArray out = stream = last ? rowsAt(x, at) : x;
            block(() -> {
                NDArray h = rmsNorm(x, b.inputNorm());
                NDArray q = rotary.apply(Attention.splitHeads(b.q().apply(h), heads, headDim), cosSin);
                NDArray k = rotary.apply(Attention.splitHeads(b.k().apply(h), kvHeads, headDim), cosSin);
                NDArray v = Attention.splitHeads(b.v().apply(h), kvHeads, headDim);
                NDArray attention = Attention.apply(q, k, v, plan);
                out.addi(b.o().apply(last ? rowsAt(attention, at) : attention));
                NDArray g = rmsNorm(out, b.postAttentionNorm());
                out.addi(b.down().apply(silu(b.gate().apply(g)).muli(b.up().apply(g))));
            });
        }
        return rmsNorm(stream, finalNorm);
    }

    /** SiLU (swish): x·σ(x). */
    private static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** x / √(mean(x²) + eps) · weight, in float32 as transformers computes it, then back to the compute dtype. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray x32 = x.toType(DataType.FLOAT32, false);
        NDArray normed = x32.div(x32.square().mean(new int[] {-1}, true).add(eps).sqrt());
        return normed.toType(computeType(), false).mul(weight);
    }
}
