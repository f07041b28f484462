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
 * GPT-2 (model_type {@code gpt2}). Learned absolute positions; pre-LayerNorm blocks
 * {@code x += attn(ln_1(x)); x += mlp(ln_2(x))}; Conv1D weights stored {@code [in, out]}; {@code c_attn} holds
 * q|k|v side by side; MLP activation {@code gelu_new} (the tanh approximation); head tied to {@code wte}.
 */
final class Gpt2 extends DecoderModel {

    private record Block(NDArray ln1Weight, NDArray ln1Bias, Linear qkv, Linear attnOut,
                         NDArray ln2Weight, NDArray ln2Bias, Linear fc, Linear proj) {
    }

    private final int heads;
    private final int hidden;
    private final float eps;
    private final String activation;
    private final NDArray tokenEmbedding;
    private final NDArray positionEmbedding;
    private final List<Block> blocks = new ArrayList<>();
    private final NDArray finalNormWeight;
    private final NDArray finalNormBias;

    Gpt2(ModelConfig config, Weights w, NDManager manager, DataType type) {
        super(manager, type, config.contextLength(), config.integer("vocab_size"));
        heads = config.integer("n_head");
        hidden = config.integer("n_embd");
        eps = config.optionalNumber("layer_norm_epsilon").orElse(1e-5).floatValue();
        activation = config.optionalString("activation_function").orElse("gelu_new");
        if (!List.of("gelu_new", "gelu").contains(activation)) {
            throw new UnsupportedModelException("gpt2 activation_function '" + activation + "' is not supported");
        }
        if (config.flag("scale_attn_by_inverse_layer_idx", false) || config.flag("reorder_and_upcast_attn", false)) {
            throw new UnsupportedModelException("gpt2 scale_attn_by_inverse_layer_idx/reorder_and_upcast_attn are not supported");
        }
        String p = w.has("transformer.wte.weight") ? "transformer." : "";
        tokenEmbedding = w.get(p + "wte.weight");
        positionEmbedding = w.get(p + "wpe.weight");
        for (int i = 0; i < config.integer("n_layer"); i++) {
            String b = p + "h." + i + ".";
            blocks.add(new Block(w.get(b + "ln_1.weight"), w.get(b + "ln_1.bias"),
                    Linear.ofConv1D(w.get(b + "attn.c_attn.weight"), w.get(b + "attn.c_attn.bias")),
                    Linear.ofConv1D(w.get(b + "attn.c_proj.weight"), w.get(b + "attn.c_proj.bias")),
                    w.get(b + "ln_2.weight"), w.get(b + "ln_2.bias"),
                    Linear.ofConv1D(w.get(b + "mlp.c_fc.weight"), w.get(b + "mlp.c_fc.bias")),
                    Linear.ofConv1D(w.get(b + "mlp.c_proj.weight"), w.get(b + "mlp.c_proj.bias"))));
        }
        finalNormWeight = w.get(p + "ln_f.weight");
        finalNormBias = w.get(p + "ln_f.bias");
        Block last = blocks.get(blocks.size() - 1);
        finish(w.find("lm_head.weight").orElse(tokenEmbedding).transpose(),
                blocks.stream().mapToLong(b -> Linear.size(b.qkv(), b.attnOut(), b.fc(), b.proj())).sum(),
                Linear.size(last.attnOut(), last.fc(), last.proj()));
    }

    @Override
    public NDArray hidden(TokenRows rows, long[] read) {
        NDArray[] idsAndPositions = idsAndPositions(rows);
        NDArray ids = idsAndPositions[0];
        NDArray positions = idsAndPositions[1];
        AttentionPlan plan = attentionPlan(rows);
        NDArray at = positionsRead(read);
        NDArray x = tokenEmbedding.get(ids).add(positionEmbedding.get(positions));
        int headDim = hidden / heads;
        NDArray stream = x;
        for (Block b : blocks) {
            // the last block reads every token's keys and values but updates only the rows that are read
            boolean last = b == blocks.get(blocks.size() - 1);
            NDArray out = stream = last ? rowsAt(x, at) : x;
            block(() -> {
                NDArray qkv = b.qkv().apply(norm(x, b.ln1Weight(), b.ln1Bias()));
                NDArray q = Attention.splitHeads(qkv.get("..., 0:" + hidden), heads, headDim);
                NDArray k = Attention.splitHeads(qkv.get("..., " + hidden + ":" + 2 * hidden), heads, headDim);
                NDArray v = Attention.splitHeads(qkv.get("..., " + 2 * hidden + ":"), heads, headDim);
                NDArray attention = Attention.apply(q, k, v, plan);
                out.addi(b.attnOut().apply(last ? rowsAt(attention, at) : attention));
                NDArray h = b.fc().apply(norm(out, b.ln2Weight(), b.ln2Bias()));
                out.addi(b.proj().apply(activation.equals("gelu_new") ? geluTanh(h) : Activation.gelu(h)));
            });
        }
        return norm(stream, finalNormWeight, finalNormBias);
    }

    private NDArray norm(NDArray x, NDArray weight, NDArray bias) {
        return LayerNorm.layerNorm(x, new Shape(hidden), weight, bias, eps).singletonOrThrow();
    }

    /**
     * {@code gelu_new}: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), computed as x·σ(x·(2√(2/π) + 2√(2/π)·0.044715·x²))
     * since 0.5·(1 + tanh(z)) = σ(2z): five elementwise passes instead of eight, three of them in place.
     */
    static NDArray geluTanh(NDArray x) {
        double c = 2 * Math.sqrt(2.0 / Math.PI);
        NDArray inner = x.square().muli(c * 0.044715).addi(c).muli(x);
        return Activation.sigmoid(inner).muli(x);
    }
}
