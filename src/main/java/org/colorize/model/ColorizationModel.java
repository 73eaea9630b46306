package org.colorize.model;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.colorize.ColorizeException;
import org.colorize.runtime.DeviceChoice;
import org.colorize.runtime.TensorFlowRuntime;

/**
 * A loaded full-image colorization network served by DJL's TensorFlow engine: L at the network
 * size in, ab at the network size out. The card says how L is encoded and what the output means
 * ({@link ChromaTranslator}); distribution outputs are decoded by annealed mean, so callers
 * always get ab in Lab units. Several planes go through the network as one batch; each thread
 * gets its own DJL predictor, all closed with the model.
 */
public final class ColorizationModel implements ChromaPredictor, AutoCloseable {
    /** Planes per network call: a stack's planes share calls up to this many. */
    public static final int MAX_BATCH = 4;

    private final ModelCard card;
    private final Path folder;
    private final Device device;
    private final ZooModel<NDList, NDList> model;
    private final ChromaTranslator translator;
    private final Queue<Predictor<ChromaTranslator.Plane, AbField>> predictors = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Predictor<ChromaTranslator.Plane, AbField>> threadPredictor;
    private volatile boolean closed;

    private ColorizationModel(ModelCard card, Path folder, Device device, ZooModel<NDList, NDList> model,
            int outputChannels) {
        this.card = card;
        this.folder = folder;
        this.device = device;
        this.model = model;
        this.translator = new ChromaTranslator(card, outputChannels);
        this.threadPredictor = ThreadLocal.withInitial(() -> {
            Predictor<ChromaTranslator.Plane, AbField> p = model.newPredictor(translator);
            predictors.add(p);
            return p;
        });
    }

    /** Loads and checks a model folder (SavedModel + model.json). */
    public static ColorizationModel load(Path folder, DeviceChoice deviceChoice) throws ColorizeException {
        ModelCard card = ModelCard.read(folder);
        if (!card.isColorization()) throw new ColorizeException(ModelKinds.notColorization(card.name(), card.kind()) + ".");
        Path pb = folder.resolve("saved_model.pb");
        if (!Files.isRegularFile(pb)) {
            throw new ColorizeException("Model folder " + folder + " has no saved_model.pb: it is not a TensorFlow SavedModel.");
        }
        // TensorFlow loads a SavedModel without its variables and fails only at the first run
        // ("uninitialized value conv1_weight"); every SavedModel writer makes the folder.
        Path variables = folder.resolve("variables");
        if (!Files.isDirectory(variables)) {
            throw new ColorizeException("Model folder " + folder + " has no variables folder (the network's weights,"
                    + " beside saved_model.pb); the model is incomplete. Copy the whole model folder again.");
        }
        Device device = TensorFlowRuntime.device(deviceChoice);
        ZooModel<NDList, NDList> zoo;
        try {
            Path serving = FrozenSavedModel.servingFolder(folder);
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(serving)
                    .optEngine(TensorFlowRuntime.ENGINE)
                    .optDevice(device)
                    .optTranslator(new NoopTranslator())
                    .build();
            zoo = TensorFlowRuntime.withContextLoader(criteria::loadModel);
        } catch (Exception e) { // ModelNotFoundException, MalformedModelException, IOException, RuntimeException
            if (!Files.isRegularFile(variables.resolve("variables.index"))) {
                throw new ColorizeException("Cannot load the model in " + folder + ": its variables folder has no"
                        + " variables.index (the network's weights); the model is incomplete. Copy the whole model folder again.", e);
            }
            throw new ColorizeException("Cannot load the SavedModel in " + folder + " (is saved_model.pb corrupt or"
                    + " from an incompatible TensorFlow?): " + firstLine(e), e);
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
        int expectedInputs = card.main().signature().inputs().size();
        Shape lShape = inputs == null ? null : inputShape(inputs, card.inputName());
        if (inputs == null || inputs.size() != expectedInputs) {
            mismatch = "expected " + (expectedInputs == 1 ? "exactly one input" : expectedInputs + " inputs (" + card.main()
                    .signature().inputs().stream().map(SignatureInput::name).toList() + ")") + ", found "
                    + (inputs == null ? 0 : inputs.size());
        } else if (lShape == null) {
            mismatch = "no input named '" + card.inputName() + "' (inputs: " + inputs.keys() + ")";
        } else if (lShape.dimension() != 4 || lShape.get(3) != 1) {
            mismatch = "input '" + card.inputName() + "' has shape " + lShape
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

    /** The input named {@code name}; a model with one input answers with it whatever its name. */
    private static Shape inputShape(PairList<String, Shape> inputs, String name) {
        if (inputs.size() == 1) return inputs.get(0).getValue();
        for (int i = 0; i < inputs.size(); i++) {
            if (name.equals(inputs.get(i).getKey())) return inputs.get(i).getValue();
        }
        return null;
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

    @Override
    public ModelCard card() {
        return card;
    }

    public Path folder() {
        return folder;
    }

    /** The DJL device it runs on. */
    public Device djlDevice() {
        return device;
    }

    @Override
    public String device() {
        return device.toString();
    }

    @Override
    public String natives() {
        return TensorFlowRuntime.describe(device);
    }

    @Override
    public String origin() {
        return folder.resolve(ModelCard.FILE_NAME).toString();
    }

    @Override
    public int maxBatch() {
        return MAX_BATCH;
    }

    @Override
    public List<AbField> predict(LightnessBatch batch, double temperature) throws ColorizeException {
        return predict(batch, temperature, Double.NaN);
    }

    @Override
    public List<AbField> predict(LightnessBatch batch, double temperature, double vividness) throws ColorizeException {
        double v = Double.isNaN(vividness) ? card.vividness() : vividness;
        if (closed) throw new ColorizeException("Model " + card.name() + " was closed.");
        double t = Double.isNaN(temperature) ? card.temperature() : temperature;
        List<AbField> fields = new ArrayList<>(batch.count());
        for (int from = 0; from < batch.count(); from += MAX_BATCH) {
            LightnessBatch part = batch.slice(from, Math.min(batch.count(), from + MAX_BATCH));
            List<ChromaTranslator.Plane> planes = new ArrayList<>(part.count());
            for (int i = 0; i < part.count(); i++) {
                Map<String, float[]> extras = new java.util.LinkedHashMap<>();
                for (var e : part.extras().entrySet()) extras.put(e.getKey(), e.getValue().get(i));
                planes.add(new ChromaTranslator.Plane(part.lightness().get(i), part.size(), extras, t, v));
            }
            fields.addAll(run(planes, part.size()));
        }
        return fields;
    }

    private List<AbField> run(List<ChromaTranslator.Plane> planes, int size) throws ColorizeException {
        try {
            return threadPredictor.get().batchPredict(planes);
        } catch (TranslateException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ColorizeException ce) throw ce;
            }
            throw failed(size, planes.size(), e);
        } catch (RuntimeException e) {
            throw failed(size, planes.size(), e);
        }
    }

    private ColorizeException failed(int size, int count, Exception e) {
        return new ColorizeException("Model " + card.name() + " failed on " + (count == 1 ? "a " : count + " planes of ")
                + size + "×" + size + (count == 1 ? " input" : "") + ": " + firstLine(e), e);
    }

    /**
     * Predicts ab for one L plane at the network size (a batch of one).
     *
     * @param lightness   L (0..100), row-major, {@code size × size}
     * @param size        the plane's side, a multiple of 8
     * @param temperature annealed-mean temperature for distribution outputs (NaN: the card's; ignored otherwise)
     * @return a, b in Lab units on the output's own grid (the input's, or a fraction of it for
     *         heads that predict at lower resolution, like Zhang's distribution head at 1/4)
     */
    public AbField predictAb(float[] lightness, int size, double temperature) throws ColorizeException {
        return predict(LightnessBatch.of(size, List.of(lightness)), temperature).get(0);
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
        closed = true;
        Predictor<ChromaTranslator.Plane, AbField> p;
        while ((p = predictors.poll()) != null) p.close();
        model.close();
    }
}
