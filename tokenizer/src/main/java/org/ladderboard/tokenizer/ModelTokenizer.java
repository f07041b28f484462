package org.ladderboard.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import org.ladderboard.checkpoint.ModelConfig;

/**
 * A checkpoint's {@code tokenizer.json} through the Hugging Face tokenizers library, configured so that nothing is
 * added or cut silently: no special tokens (BOS is added by the scorer, where the tokenizer would add one) and no
 * truncation (the library's default cuts at 512 tokens).
 */
public final class ModelTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final OptionalLong bos;
    private final long prefixToken;

    private ModelTokenizer(HuggingFaceTokenizer tokenizer, OptionalLong bos, long prefixToken) {
        this.tokenizer = tokenizer;
        this.bos = bos;
        this.prefixToken = prefixToken;
    }

    public static ModelTokenizer open(Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        if (!Files.exists(file)) {
            throw new IOException(dir + " has no tokenizer.json");
        }
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(file)
                .optAddSpecialTokens(false)
                .optTruncation(false)
                .optPadding(false)
                .build();
        return new ModelTokenizer(tokenizer, addedBos(tokenizer), prefixToken(dir));
    }

    /** The token the tokenizer's own post-processor puts in front of every text, if it puts one. */
    private static OptionalLong addedBos(HuggingFaceTokenizer tokenizer) {
        long[] plain = tokenizer.encode("a", false, false).getIds();
        long[] special = tokenizer.encode("a", true, false).getIds();
        boolean prepends = special.length == plain.length + 1
                && java.util.Arrays.equals(java.util.Arrays.copyOfRange(special, 1, special.length), plain);
        return prepends ? OptionalLong.of(special[0]) : OptionalLong.empty();
    }

    /**
     * What an empty context is replaced by, as lm-evaluation-harness does: the BOS id, else the EOS id, from the
     * model's config.
     */
    private static long prefixToken(Path dir) throws IOException {
        ModelConfig config = ModelConfig.read(dir);
        return config.optionalInteger("bos_token_id").or(() -> config.optionalInteger("eos_token_id"))
                .orElseThrow(() -> new IOException(dir + "/config.json names neither bos_token_id nor eos_token_id")).longValue();
    }

    /**
     * Token ids of {@code text}, with nothing added. Ids only, through the library's own native call:
     * {@link HuggingFaceTokenizer#encode(String, boolean, boolean)} makes the same call and then fetches tokens,
     * character spans and masks we never read, which doubled the time of the upload checks. It would also apply
     * the builder's text options (prefix space, lower case, accents), none of which {@link #open} sets.
     */
    public long[] encode(String text) {
        if (text.isEmpty()) {
            return new long[0];
        }
        long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
        try {
            return TokenizersLibrary.LIB.getTokenIds(encoding);
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    public String decode(long[] ids) {
        return tokenizer.decode(ids, false);
    }

    /** The BOS the tokenizer adds to every text (Llama-style tokenizers); empty for GPT-2-style ones. */
    public OptionalLong bos() {
        return bos;
    }

    /** Stands in for an empty context (lm-eval's {@code prefix_token_id}). */
    public long prefixToken() {
        return prefixToken;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
