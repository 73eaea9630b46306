package org.colorize.ij;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.plugin.frame.RoiManager;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.colorize.ColorizeException;
import org.colorize.detect.Box;
import org.colorize.detect.Boxes;
import org.colorize.detect.FixedBoxes;
import org.colorize.detect.GrayPlane;

/**
 * Boxes from ImageJ ROIs: a rectangle as it is, any other ROI (oval, polygon, freehand, a traced
 * particle) by its bounding box; what a scientist draws around cells or an archivist around
 * faces. Each ROI's name is the box's label.
 */
public final class RoiBoxes implements FixedBoxes {
    private static final String ROI = ".roi";

    private final List<Box> boxes;
    private final String origin;

    public RoiBoxes(List<Roi> rois) {
        this(rois, rois.size() + " ROIs of the ROI Manager");
    }

    private RoiBoxes(List<Roi> rois, String origin) {
        List<Box> out = new ArrayList<>();
        for (Roi r : rois) {
            if (r == null) continue;
            Rectangle b = r.getBounds();
            if (b.width < 1 || b.height < 1) continue;
            out.add(new Box(b.x, b.y, b.x + b.width, b.y + b.height, 1f, Box.NO_CLASS, r.getName() == null ? "roi" : r.getName()));
        }
        this.boxes = List.copyOf(out);
        this.origin = origin;
    }

    /** The ROIs of the ROI Manager (none when it is not open). */
    public static RoiBoxes fromRoiManager() {
        RoiManager rm = RoiManager.getInstance2(); // the batch-mode manager in batch mode, never a new window
        return new RoiBoxes(rm == null ? List.of() : List.of(rm.getRoisAsArray()));
    }

    /**
     * The ROIs of a file as the ROI Manager saves them: a RoiSet .zip of .roi entries, or one .roi
     * file; decoded by ImageJ's {@link RoiDecoder}, nothing shown. A ROI without a name is named
     * after its file or entry, as the ROI Manager does.
     */
    public static RoiBoxes read(Path file) throws ColorizeException {
        if (!Files.isRegularFile(file)) throw new ColorizeException("ROI file " + file + " does not exist.");
        List<Roi> rois = new ArrayList<>();
        try {
            if (isZip(file)) {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                        ZipEntry entry = e.nextElement();
                        if (entry.isDirectory() || !entry.getName().endsWith(ROI)) continue;
                        rois.add(decode(zip.getInputStream(entry).readAllBytes(), entry.getName(), file));
                    }
                }
            } else {
                rois.add(decode(Files.readAllBytes(file), file.getFileName().toString(), file));
            }
        } catch (ZipException e) {
            throw new ColorizeException("ROI file " + file + " is not a readable zip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ColorizeException("Cannot read the ROI file " + file + ": " + e.getMessage(), e);
        }
        return new RoiBoxes(rois, "the ROIs of " + file);
    }

    private static boolean isZip(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }

    private static Roi decode(byte[] bytes, String name, Path file) throws ColorizeException {
        String shortName = Path.of(name).getFileName().toString();
        // RoiDecoder answers bytes that are not a ROI with an exception or with null, depending on how far it got.
        Roi roi;
        try {
            roi = new RoiDecoder(bytes, shortName).getRoi();
        } catch (IOException | RuntimeException e) {
            roi = null;
        }
        if (roi == null) throw new ColorizeException("ROI file " + file + ": '" + name + "' is not an ImageJ ROI.");
        if (roi.getName() == null || roi.getName().isBlank()) {
            roi.setName(shortName.endsWith(ROI) ? shortName.substring(0, shortName.length() - ROI.length()) : shortName);
        }
        return roi;
    }

    @Override
    public List<Box> all() {
        return boxes;
    }

    @Override
    public String toString() {
        return origin;
    }
}
