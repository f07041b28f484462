package org.ladderboard.engine.checkpoint;

import org.ladderboard.checkpoint.UnsupportedModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
            Shape shape = new Shape(entry.shape());
            DataType stored = switch (entry.dtype()) {
                case "F32", "BF16" -> DataType.FLOAT32;
                case "F16" -> DataType.FLOAT16;
                default -> throw new UnsupportedModelException("tensor '" + name + "' has dtype " + entry.dtype()
                        + "; only F32, F16 and BF16 are supported");
            };
            NDArray array = read(file, entry, shape, stored);
            if (array.getDataType() == computeType) {
                return Optional.of(array);
            }
            // the stored-dtype copy is not kept beside the converted one
            NDArray converted = array.toType(computeType, false);
            array.close();
            return Optional.of(converted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tensor '" + name + "' from " + file.path(), e);
        }
    }

    /**
     * A tensor already in the compute dtype is the file's own mapped pages, copied nowhere (DJL keeps the mapping
     * alive with the array; the pages are shared with the page cache). One that is converted is read on a CPU into
     * an array of its own and that array is closed after the conversion, so neither the stored-dtype copy nor its
     * mapped pages stay resident beside the weights (a mapping is only released when the garbage collector gets to
     * it, and this heap rarely needs a collection).
     */
    private NDArray read(SafetensorsFile file, SafetensorsFile.Entry entry, Shape shape, DataType stored)
            throws IOException {
        boolean bf16 = entry.dtype().equals("BF16");
        if (!manager.getDevice().isGpu() && (bf16 || stored != computeType)) {
            NDArray array = manager.create(shape, stored);
            ByteBuffer target = array.toByteBuffer(true);
            if (bf16) {
                widenBf16(file.read(entry), target.asFloatBuffer());
            } else {
                file.readInto(entry, target);
            }
            return array;
        }
        ByteBuffer bytes = file.map(entry);
        if (bf16) {
            FloatBuffer widened = ByteBuffer.allocateDirect(bytes.remaining() * 2).order(ByteOrder.nativeOrder()).asFloatBuffer();
            widenBf16(bytes, widened);
            return manager.create(widened.flip(), shape, DataType.FLOAT32);
        }
        return manager.create(bytes, shape, stored);
    }

    /** bfloat16 is the top half of a float32: shift each value back into place. */
    private static void widenBf16(ByteBuffer bytes, FloatBuffer out) {
        while (bytes.remaining() >= 2) {
            out.put(Float.intBitsToFloat((bytes.getShort() & 0xffff) << 16));
        }
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
