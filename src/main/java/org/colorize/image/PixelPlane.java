package org.colorize.image;

/** A plane over one of ImageJ's pixel arrays: the size, and the row reading left to subclasses. */
abstract class PixelPlane implements LightnessPlane {
    final int width;
    final int height;

    PixelPlane(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }
}
