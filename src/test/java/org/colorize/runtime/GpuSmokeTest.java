package org.colorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.colorize.color.AnnealedMean;
import org.colorize.model.ColorizationModel;
import org.colorize.model.TinyModels;
import org.junit.jupiter.api.Test;

/** Wherever a GPU is usable (mvn -Pgpu test on a machine with an NVIDIA driver): GPU output = CPU output. */
class GpuSmokeTest {
    @Test
    void theGpuColorizesLikeTheCpu() throws Exception {
        GpuStatus status = TensorFlowRuntime.gpuStatus();
        assumeTrue(status.usable(), () -> "no usable GPU: " + status.whyNot());
        assertEquals("gpu", TensorFlowRuntime.describe().replaceFirst(".*, device ", ""));
        for (var model : new java.nio.file.Path[] {TinyModels.regression(), TinyModels.distribution()}) {
            int n = 64;
            float[] l = new float[n * n];
            for (int i = 0; i < l.length; i++) l[i] = 100f * ((i * 7) % n) / n;
            float[] cpu;
            float[] gpu;
            try (ColorizationModel m = ColorizationModel.load(model, DeviceChoice.CPU)) {
                cpu = m.predictAb(l, n, AnnealedMean.ZHANG_TEMPERATURE).ab();
            }
            try (ColorizationModel m = ColorizationModel.load(model, DeviceChoice.GPU)) {
                assertTrue(m.djlDevice().isGpu(), "loaded on " + m.device());
                gpu = m.predictAb(l, n, AnnealedMean.ZHANG_TEMPERATURE).ab();
            }
            assertEquals(cpu.length, gpu.length);
            double worst = 0;
            for (int i = 0; i < cpu.length; i++) worst = Math.max(worst, Math.abs(cpu[i] - gpu[i]));
            assertTrue(worst <= 1e-3, model.getFileName() + ": max |Δab| " + worst + " > 1e-3");
        }
    }
}
