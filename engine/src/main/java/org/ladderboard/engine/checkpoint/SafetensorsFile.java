package org.ladderboard.engine.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code .safetensors} file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
 * shape and byte range, then the raw data. Tensors are memory-mapped one by one, or read straight into the array
 * that keeps them when they are converted.
 */
final class SafetensorsFile implements AutoCloseable {

    /** Where one tensor's bytes sit in the file. */
    record Entry(String dtype, long[] shape, long start, long end) {
    }

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    SafetensorsFile(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(lengthBytes, 0);
        long headerLength = lengthBytes.flip().getLong();
        if (headerLength <= 0 || headerLength > 100_000_000 || 8 + headerLength > channel.size()) {
            throw new IOException(path + " is not a safetensors file (header length " + headerLength + ")");
        }
        ByteBuffer header = ByteBuffer.allocate((int) headerLength);
        channel.read(header, 8);
        dataStart = 8 + headerLength;
        JsonNode json = JsonMapper.builder().build().readTree(new String(header.array(), StandardCharsets.UTF_8));
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (field.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode t = field.getValue();
            List<JsonNode> dims = t.get("shape").valueStream().toList();
            long[] shape = dims.stream().mapToLong(JsonNode::asLong).toArray();
            entries.put(field.getKey(), new Entry(t.get("dtype").asString(), shape,
                    t.get("data_offsets").get(0).asLong(), t.get("data_offsets").get(1).asLong()));
        }
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /** The tensor's bytes, mapped read-only and little-endian. */
    ByteBuffer map(Entry entry) throws IOException {
        return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + entry.start(), entry.end() - entry.start())
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads the tensor's bytes into {@code target} (its whole remaining space, which must be the tensor's size). */
    void readInto(Entry entry, ByteBuffer target) throws IOException {
        long size = entry.end() - entry.start();
        if (target.remaining() != size) {
            throw new IOException(path + ": a tensor of " + size + " bytes does not fill " + target.remaining());
        }
        long at = dataStart + entry.start();
        while (target.hasRemaining()) {
            int n = channel.read(target, at);
            if (n < 0) {
                throw new IOException(path + " ends inside a tensor (at byte " + at + ")");
            }
            at += n;
        }
    }

    /** The tensor's bytes, read into a heap buffer, little-endian (for dtypes that are converted in Java). */
    ByteBuffer read(Entry entry) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(entry.end() - entry.start()));
        readInto(entry, bytes);
        return bytes.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
