package org.colorize.detect;

/**
 * The detector's view of an image that reaches the colorizer as a square of L stretched to the
 * network's input: resampled back to the image's own proportions (long side {@code side}), so the
 * detector sees objects undistorted, as it was trained.
 */
public final class DetectorInput {
    private DetectorInput() {
    }

    /**
     * @param squareL L (0–100) of the whole image stretched to {@code square}², row-major
     * @return a {@code w × h} gray plane with the image's aspect ratio and long side {@code side}
     */
    public static GrayPlane unstretched(float[] squareL, int square, int imageWidth, int imageHeight, int side) {
        Letterbox lb = Letterbox.fit(imageWidth, imageHeight, side);
        float[] gray = LinearResampler.resize(GrayPlane.ofLightness(square, square, squareL), lb.contentWidth(),
                lb.contentHeight());
        return GrayPlane.ofGray255(lb.contentWidth(), lb.contentHeight(), gray);
    }
}
