package org.colorize.image;

/**
 * A plane over a primitive pixel array (an ImgLib2 ArrayImg or PlanarImg plane, an ImageJ
 * processor's pixels): the size, where the plane starts in the array, and the row reading left to
 * subclasses.
 */
abstract class PixelPlane implements LightnessPlane {
    final int width;
    final int height;
    final int offset;

    PixelPlane(int width, int height, int offset) {
        this.width = width;
        this.height = height;
        this.offset = offset;
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
