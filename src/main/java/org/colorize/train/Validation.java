package org.colorize.train;

import java.util.List;

/**
 * Validation metrics of one evaluation of the fixed validation crops: the inference branch's named
 * losses, and the mean per-crop PSNR of the crop colorized through the product's own path
 * ({@link ProductPathScore}: what {@code colorize evaluate} measures), beside the gray baseline.
 *
 * @param step      completed steps when measured
 * @param losses    mean losses of the inference branch, by name
 * @param psnr      mean RGB PSNR (dB, 8-bit) of the colorized crops
 * @param grayPsnr  mean RGB PSNR of the gray inputs
 * @param images    validation crops
 */
public record Validation(long step, LossValues losses, double psnr, double grayPsnr, int images) {

    /** A validation that knows only its total loss. */
    public Validation(long step, double loss, double psnr, double grayPsnr, int images) {
        this(step, LossValues.of(List.of(LossValues.TOTAL), new double[] {loss}), psnr, grayPsnr, images);
    }

    /** The mean total loss. */
    public double loss() {
        return losses.total();
    }

    /** Runs the inference branch on every validation batch and scores its output through the product's path. */
    static Validation measure(TrainingGraph graph, ProductPathScore score, List<ProductPathScore.ProductBatch> batches,
            long step) {
        List<String> names = graph.recipe().lossNames();
        double[] loss = new double[names.size()];
        double psnr = 0;
        double gray = 0;
        int n = 0;
        for (ProductPathScore.ProductBatch pb : batches) {
            Batch b = pb.network();
            TrainingGraph.Evaluation e = graph.evaluate(b);
            for (int k = 0; k < loss.length; k++) loss[k] += e.losses().get(names.get(k)) * b.count();
            for (int i = 0; i < b.count(); i++) {
                psnr += score.psnr(pb, i, e.image(i), e.grid());
                gray += score.grayPsnr(pb, i);
            }
            n += b.count();
        }
        for (int k = 0; k < loss.length; k++) loss[k] /= n;
        return new Validation(step, LossValues.of(names, loss), psnr / n, gray / n, n);
    }
}
