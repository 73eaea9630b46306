package org.colorize.model;

import org.colorize.runtime.TensorFlowRuntime;
import org.colorize.runtime.DeviceChoice;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.ColorizeException;

/**
 * A loaded full-image colorization network: L at the network size in, ab at the network size out.
 * The card says how L is encoded and what the output means; distribution outputs are decoded by
 * annealed mean here, so callers always get ab in Lab units.
 */
public final class ColorizationModel implements AutoCloseable {
    private final ModelCard card;
    private final Path folder;
    private final Device device;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final int outputChannels;

    private ColorizationModel(ModelCard card, Path folder, Device device, ZooModel<NDList, NDList> model,
            int outputChannels) {
        this.card = card;
        this.folder = folder;
        this.device = device;
        this.model = model;
        this.predictor = model.newPredictor();
        this.outputChannels = outputChannels;
    }

    /** Loads and checks a model folder (SavedModel + model.json). */
    public static ColorizationModel load(Path folder, DeviceChoice deviceChoice) throws ColorizeException {
        ModelCard card = ModelCard.read(folder);
        Path pb = folder.resolve("saved_model.pb");
        if (!Files.isRegularFile(pb)) {
            throw new ColorizeException("Model folder " + folder + " has no saved_model.pb: it is not a TensorFlow SavedModel.");
        }
        Device device = TensorFlowRuntime.device(deviceChoice);
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(folder)
                .optEngine(TensorFlowRuntime.ENGINE)
                .optDevice(device)
                .optTranslator(new NoopTranslator())
                .build();
        ZooModel<NDList, NDList> zoo;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TensorFlowRuntime.classLoader());
        try {
            zoo = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ColorizeException("Cannot load the SavedModel in " + folder + " (is saved_model.pb corrupt or"
                    + " from an incompatible TensorFlow?): " + firstLine(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        try {
            int channels = checkSignature(card, folder, zoo);
            return new ColorizationModel(card, folder, device, zoo, channels);
        } catch (ColorizeException e) {
            zoo.close();
            throw e;
        }
    }

    private static int checkSignature(ModelCard card, Path folder, ZooModel<NDList, NDList> zoo)
            throws ColorizeException {
        PairList<String, Shape> inputs = zoo.describeInput();
        PairList<String, Shape> outputs = zoo.describeOutput();
        String mismatch = null;
        if (inputs == null || inputs.size() != 1) {
            mismatch = "expected exactly one input, found " + (inputs == null ? 0 : inputs.size());
        } else if (inputs.get(0).getValue().dimension() != 4 || inputs.get(0).getValue().get(3) != 1) {
            mismatch = "input '" + inputs.get(0).getKey() + "' has shape " + inputs.get(0).getValue()
                    + ", expected [N, H, W, 1] (NHWC, one L channel)";
        }
        int channels = -1;
        if (mismatch == null) {
            Shape out = outputs == null ? null : outputShape(outputs, card.outputName());
            if (out == null) {
                mismatch = "no output named '" + card.outputName() + "' (outputs: " + (outputs == null ? "none" : outputs.keys()) + ")";
            } else if (out.dimension() != 4) {
                mismatch = "output '" + card.outputName() + "' has shape " + out + ", expected [N, H, W, C]";
            } else {
                channels = (int) out.get(3);
                int expected = card.outputChannels();
                if (channels != expected) {
                    mismatch = "output '" + card.outputName() + "' has " + channels + " channels, but the card's encoding "
                            + card.outputEncoding().key() + " needs " + expected;
                }
            }
        }
        if (mismatch != null) {
            throw new ColorizeException("The SavedModel in " + folder + " does not match a colorization network: " + mismatch + ".");
        }
        return channels;
    }

    private static Shape outputShape(PairList<String, Shape> outputs, String name) {
        if (outputs.size() == 1 && (outputs.get(0).getKey() == null || outputs.get(0).getKey().isEmpty())) {
            return outputs.get(0).getValue();
        }
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getKey())) return outputs.get(i).getValue();
        }
        return null;
    }

    public ModelCard card() {
        return card;
    }

    public Path folder() {
        return folder;
    }

    public Device device() {
        return device;
    }

    /**
     * Predicts ab for one L plane at the network size.
     *
     * @param lightness L (0..100), row-major, {@code size × size}
     * @param size      the plane's side, a multiple of 8
     * @param temperature annealed-mean temperature for distribution outputs (ignored otherwise)
     * @return a, b in Lab units on the output's own grid (the input's, or a fraction of it for
     *         heads that predict at lower resolution, like Zhang's distribution head at 1/4)
     */
    public synchronized AbField predictAb(float[] lightness, int size, double temperature) throws ColorizeException {
        float[] encoded = new float[lightness.length];
        InputEncoding encoding = card.inputEncoding();
        for (int i = 0; i < encoded.length; i++) encoded[i] = encoding.encode(lightness[i]);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(encoded, new Shape(1, size, size, 1));
            input.setName(card.inputName());
            NDList result = predictor.predict(new NDList(input));
            NDArray out = pick(result);
            Shape shape = out.getShape();
            long grid = shape.dimension() == 4 ? shape.get(1) : -1;
            if (grid <= 0 || shape.get(2) != grid || size % grid != 0 || shape.get(3) != outputChannels) {
                throw new ColorizeException("Model " + card.name() + " returned shape " + shape + " for input [1, " + size
                        + ", " + size + ", 1]; expected [1, " + size + "/k, " + size + "/k, " + outputChannels + "].");
            }
            int m = (int) grid;
            return new AbField(AbDecoder.decode(out.toFloatArray(), m * m, card.outputEncoding(), card.outputBins(), temperature), m);
        } catch (TranslateException | RuntimeException e) {
            throw new ColorizeException("Model " + card.name() + " failed on a " + size + "×" + size + " input: " + firstLine(e), e);
        }
    }

    private NDArray pick(NDList result) {
        if (result.size() == 1) return result.get(0);
        for (NDArray a : result) {
            if (card.outputName().equals(a.getName())) return a;
        }
        return result.get(0);
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
