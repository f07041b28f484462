package org.ladderboard.engine.checkpoint;

import org.ladderboard.checkpoint.UnsupportedModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checkpoint's tensors by name, from {@code model.safetensors} or the shards listed in
 * {@code model.safetensors.index.json}, turned into arrays of the compute dtype on the model's device.
 * BF16 is widened to F32 here in Java: the PyTorch JNI has no BF16 type to receive it.
 */
public final class Weights implements AutoCloseable {

    private final Map<String, SafetensorsFile> fileOf = new HashMap<>();
    private final List<SafetensorsFile> files = new ArrayList<>();
    private final NDManager manager;
    private final DataType computeType;

    public Weights(Path dir, NDManager manager, DataType computeType) throws IOException {
        this.manager = manager;
        this.computeType = computeType;
        Path single = dir.resolve("model.safetensors");
        Path index = dir.resolve("model.safetensors.index.json");
        if (Files.exists(single)) {
            add(new SafetensorsFile(single));
        } else if (Files.exists(index)) {
            JsonNode weightMap = JsonMapper.builder().build().readTree(index.toFile()).get("weight_map");
            Map<String, SafetensorsFile> shards = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : weightMap.properties()) {
                String shard = e.getValue().asString();
                if (!shards.containsKey(shard)) {
                    shards.put(shard, add(new SafetensorsFile(dir.resolve(shard))));
                }
            }
        } else {
            throw new UnsupportedModelException(dir + " has neither model.safetensors nor model.safetensors.index.json"
                    + " (PyTorch .bin checkpoints are not read: convert them to safetensors)");
        }
    }

    private SafetensorsFile add(SafetensorsFile file) {
        files.add(file);
        file.entries().keySet().forEach(name -> fileOf.put(name, file));
        return file;
    }

    public boolean has(String name) {
        return fileOf.containsKey(name);
    }

    /** The tensor, or a clear error naming what the checkpoint lacks. */
    public NDArray get(String name) {
        return find(name).orElseThrow(() -> new UnsupportedModelException("the checkpoint has no tensor '" + name + "'"));
    }

    public Optional<NDArray> find(String name) {
        SafetensorsFile file = fileOf.get(name);
        if (file == null) {
            return Optional.empty();
        }
        SafetensorsFile.Entry entry = file.entries().get(name);
        try {
            ByteBuffer bytes = file.map(entry);
            Shape shape = new Shape(entry.shape());
            NDArray array = switch (entry.dtype()) {
                case "F32" -> manager.create(bytes, shape, DataType.FLOAT32);
                case "F16" -> manager.create(bytes, shape, DataType.FLOAT16);
                case "BF16" -> manager.create(widenBf16(bytes), shape, DataType.FLOAT32);
                default -> throw new UnsupportedModelException("tensor '" + name + "' has dtype " + entry.dtype()
                        + "; only F32, F16 and BF16 are supported");
            };
            return Optional.of(array.getDataType() == computeType ? array : array.toType(computeType, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tensor '" + name + "' from " + file.path(), e);
        }
    }

    /** bfloat16 is the top half of a float32: shift each value back into place. */
    private static FloatBuffer widenBf16(ByteBuffer bytes) {
        FloatBuffer out = ByteBuffer.allocateDirect(bytes.remaining() * 2).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
        while (bytes.remaining() >= 2) {
            out.put(Float.intBitsToFloat((bytes.getShort() & 0xffff) << 16));
        }
        return out.flip();
    }

    /** The dtype the checkpoint stores (that of its first tensor), e.g. {@code F16}. */
    public String storedDtype() {
        return files.get(0).entries().values().iterator().next().dtype();
    }

    @Override
    public void close() throws IOException {
        for (SafetensorsFile file : files) {
            file.close();
        }
    }
}
