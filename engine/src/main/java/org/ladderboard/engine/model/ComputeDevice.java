package org.ladderboard.engine.model;

import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.LibUtils;

/**
 * The one place a device name becomes a device: {@code cpu}, or {@code gpu}, which refuses when the engine sees no
 * GPU instead of quietly computing on the CPU. {@link #describe} says what really runs, for the worker's first log
 * line.
 */
public final class ComputeDevice {

    private ComputeDevice() {
    }

    public static Device of(String name) {
        return switch (name) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                Engine engine = Engine.getEngine("PyTorch");
                if (engine.getGpuCount() == 0 || !engine.hasCapability(StandardCapabilities.CUDA)) {
                    throw new IllegalStateException("device gpu was asked for, but the engine sees no GPU ("
                            + describe(Device.cpu()) + "); a GPU worker needs the CUDA libtorch (PYTORCH_FLAVOR=cu128, "
                            + "PYTORCH_LIBRARY_PATH) and a visible NVIDIA device; see docs/running.md");
                }
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("device is cpu or gpu, not '" + name + "'");
        };
    }

    /** Engine, libtorch version and flavour (from the directory it was loaded from), GPUs visible, and the device. */
    public static String describe(Device device) {
        Engine engine = Engine.getEngine("PyTorch");
        String path = LibUtils.getLibtorchPath();
        String flavour = System.getenv().getOrDefault("PYTORCH_FLAVOR",
                path != null && path.contains("-cpu-") ? "cpu" : "unknown");
        return "engine " + engine.getEngineName() + " " + engine.getVersion() + ", libtorch flavour " + flavour
                + " from " + (path == null ? "?" : Path.of(path)) + ", GPUs visible " + engine.getGpuCount()
                + ", computing on " + device;
    }
}
