package org.colorize.train;

import java.util.List;
import org.colorize.color.AnnealedMean;
import org.colorize.color.Lab;
import org.colorize.eval.Psnr;

/**
 * Validation metrics of one evaluation of the fixed validation crops: the inference branch's loss,
 * and the mean per-image PSNR of the RGB image rebuilt from the true L and the predicted ab against
 * the true RGB, beside the gray baseline (true L, ab = 0).
 *
 * @param step      completed steps when measured
 * @param loss      mean loss of the inference branch
 * @param psnr      mean RGB PSNR (dB, 8-bit) of true L + predicted ab
 * @param grayPsnr  mean RGB PSNR of true L with ab = 0
 * @param images    validation crops
 */
public record Validation(long step, double loss, double psnr, double grayPsnr, int images) {

    /** Runs the inference branch on every validation batch. */
    static Validation measure(TrainingGraph graph, List<Batch> batches, long step) {
        double loss = 0;
        double psnr = 0;
        double gray = 0;
        int n = 0;
        for (Batch b : batches) {
            TrainingGraph.Evaluation e = graph.evaluate(b);
            loss += e.loss() * b.count();
            for (int i = 0; i < b.count(); i++) {
                float[] ab = predictedAb(graph.head(), e, i, b.size());
                psnr += imagePsnr(b, i, ab);
                gray += imagePsnr(b, i, null);
            }
            n += b.count();
        }
        return new Validation(step, loss / n, psnr / n, gray / n, n);
    }

    /** Predicted ab of image {@code i} at S×S (classes: annealed mean at T = 0.38 on S/4, bilinear to S). */
    static float[] predictedAb(Head head, TrainingGraph.Evaluation e, int i, int size) {
        float[] ab = ModelExporter.expectedAb(head, e, i, AnnealedMean.ZHANG_TEMPERATURE);
        int grid = (int) e.shape()[1];
        return grid == size ? ab : upsample(ab, grid, size);
    }

    /** Bilinear resampling of interleaved ab from {@code g×g} to {@code s×s}, pixel centers aligned. */
    static float[] upsample(float[] ab, int g, int s) {
        float[] out = new float[s * s * 2];
        double scale = (double) g / s;
        for (int y = 0; y < s; y++) {
            double sy = Math.min(g - 1, Math.max(0, (y + 0.5) * scale - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(g - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < s; x++) {
                double sx = Math.min(g - 1, Math.max(0, (x + 0.5) * scale - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(g - 1, x0 + 1);
                double fx = sx - x0;
                for (int c = 0; c < 2; c++) {
                    double top = ab[2 * (y0 * g + x0) + c] * (1 - fx) + ab[2 * (y0 * g + x1) + c] * fx;
                    double bottom = ab[2 * (y1 * g + x0) + c] * (1 - fx) + ab[2 * (y1 * g + x1) + c] * fx;
                    out[2 * (y * s + x) + c] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }

    /** PSNR of image {@code i} rebuilt from its true L and {@code ab} (null: gray) against its truth. */
    static double imagePsnr(Batch b, int i, float[] ab) {
        int px = b.size() * b.size();
        int[] pred = new int[px];
        int[] truth = new int[px];
        System.arraycopy(b.truth(), i * px, truth, 0, px);
        double[] rgb = new double[3];
        for (int p = 0; p < px; p++) {
            double l = b.l()[i * px + p];
            Lab.toSrgb(l, ab == null ? 0 : ab[2 * p], ab == null ? 0 : ab[2 * p + 1], rgb);
            pred[p] = 0xff000000 | byte8(rgb[0]) << 16 | byte8(rgb[1]) << 8 | byte8(rgb[2]);
        }
        return Math.min(100, Psnr.rgb(pred, truth));
    }

    private static int byte8(double v) {
        return (int) Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
}
