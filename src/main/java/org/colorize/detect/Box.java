package org.colorize.detect;

/**
 * An object's box in image pixels (x to the right, y down, {@code x1 < x2}, {@code y1 < y2}),
 * with the source's confidence and class. Sources without classes (ROI Manager, particles, CSV)
 * use {@link #NO_CLASS} and score 1.
 */
public record Box(double x1, double y1, double x2, double y2, float score, int classId, String label) {
    public static final int NO_CLASS = -1;

    public Box {
        if (!(x1 < x2) || !(y1 < y2)) {
            throw new IllegalArgumentException("box must have positive width and height: " + x1 + "," + y1 + " – " + x2 + "," + y2);
        }
        if (label == null) label = "";
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    /** Intersection over union with {@code other} (0 when they do not overlap). */
    public double iou(Box other) {
        double w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (w <= 0 || h <= 0) return 0;
        double inter = w * h;
        return inter / (area() + other.area() - inter);
    }

    @Override
    public String toString() {
        return String.format("%s %.2f [%.0f,%.0f,%.0f,%.0f]", label.isEmpty() ? "#" + classId : label, score, x1, y1, x2, y2);
    }
}
