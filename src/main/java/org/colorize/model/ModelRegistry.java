package org.colorize.model;

import org.colorize.runtime.DeviceChoice;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.colorize.ColorizeException;

/**
 * Finds models in an ordered list of folders and keeps loaded ones open for reuse.
 * A model is a folder holding {@code saved_model.pb} and {@code model.json}; it is named by its
 * folder name, or given directly as a path.
 *
 * <p>Standard roots, in order: the paths in system property {@code colorize.models} and in the
 * environment variable {@code COLORIZE_MODELS} (path-separator lists), the host's models folder
 * if the front end names one (ImageJ's {@code <ImageJ>/models}), {@code ./models}, and
 * {@code models/} beside the install tree holding this jar.
 */
public final class ModelRegistry implements PredictorSource, AutoCloseable {
    private final List<Path> roots;
    private final Map<String, ColorizationModel> loaded = new LinkedHashMap<>();

    public ModelRegistry(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    private static final Map<List<Path>, ModelRegistry> SHARED = new LinkedHashMap<>();

    /** The process-wide registry over the standard roots without a host folder. */
    public static ModelRegistry shared() {
        return shared(null);
    }

    /**
     * The process-wide registry over the standard roots with the host's models folder (ImageJ
     * keeps models loaded between runs).
     */
    public static synchronized ModelRegistry shared(Path hostModels) {
        return SHARED.computeIfAbsent(standardRoots(hostModels), ModelRegistry::new);
    }

    public static List<Path> standardRoots() {
        return standardRoots(null);
    }

    /** @param hostModels the host application's models folder (ImageJ's), or null */
    public static List<Path> standardRoots(Path hostModels) {
        Set<Path> roots = new LinkedHashSet<>();
        addPathList(roots, System.getProperty("colorize.models"));
        addPathList(roots, System.getenv("COLORIZE_MODELS"));
        if (hostModels != null) roots.add(hostModels);
        roots.add(Paths.get("models"));
        Path jarModels = besideInstallTree();
        if (jarModels != null) roots.add(jarModels);
        List<Path> normalized = new ArrayList<>();
        for (Path p : roots) {
            Path n = p.toAbsolutePath().normalize();
            if (!normalized.contains(n)) normalized.add(n);
        }
        return normalized;
    }

    private static Path besideInstallTree() {
        try {
            Path jar = Paths.get(ModelRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path plugins = jar.getParent();
            return plugins == null || plugins.getParent() == null ? null : plugins.getParent().resolve("models");
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static void addPathList(Set<Path> roots, String list) {
        if (list == null || list.isBlank()) return;
        for (String p : list.split(File.pathSeparator)) {
            if (!p.isBlank()) roots.add(Paths.get(p.trim()));
        }
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * Every colorization model in the roots, first root first, each name once: what a front end
     * offers to colorize with. Models of other kinds (a detector) are {@link #otherModels()}.
     */
    public List<ModelEntry> list() {
        return allModels().stream().filter(e -> e.card().isColorization()).toList();
    }

    /** The models in the roots that are not colorization models ({@link ModelKinds}: a detector), each name once. */
    public List<ModelEntry> otherModels() {
        return allModels().stream().filter(e -> !e.card().isColorization()).toList();
    }

    /** Every model folder in the roots, first root first, each name once. */
    private List<ModelEntry> allModels() {
        Map<String, ModelEntry> found = new LinkedHashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> children = Files.list(root)) {
                children.filter(p -> Files.isRegularFile(p.resolve(ModelCard.FILE_NAME)))
                        .sorted()
                        .forEach(folder -> {
                            String name = folder.getFileName().toString();
                            if (found.containsKey(name)) return;
                            try {
                                found.put(name, new ModelEntry(name, folder, ModelCard.read(folder)));
                            } catch (ColorizeException e) {
                                // A broken card is reported when the model is asked for by name.
                            }
                        });
            } catch (IOException e) {
                // An unreadable root holds no models for us.
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The model used when none is named: the first colorization model whose card says default, else
     * the only colorization model. Never a model of another kind (a detector), default or not.
     */
    public ModelEntry defaultModel() throws ColorizeException {
        List<ModelEntry> all = list();
        for (ModelEntry e : all) {
            if (e.card().isDefault()) return e;
        }
        if (all.size() == 1) return all.get(0);
        if (all.isEmpty()) {
            List<ModelEntry> others = otherModels();
            throw new ColorizeException("No colorization model installed"
                    + (others.isEmpty() ? "" : " (only " + describe(others) + ")") + ". Looked in: " + roots
                    + ". Put a model folder (saved_model.pb + model.json) there, or name one with model=PATH.");
        }
        throw new ColorizeException("Several models are installed and none is marked default; choose one with model=NAME: "
                + names(all) + ".");
    }

    /** A model folder from a name (searched in the roots) or a path; blank means the default model. */
    public Path resolve(String nameOrPath) throws ColorizeException {
        if (nameOrPath == null || nameOrPath.isBlank()) return defaultModel().folder();
        Path direct = Paths.get(nameOrPath);
        if (Files.isDirectory(direct)) return direct.toAbsolutePath().normalize();
        for (Path root : roots) {
            Path candidate = root.resolve(nameOrPath);
            if (Files.isDirectory(candidate)) return candidate.toAbsolutePath().normalize();
        }
        List<ModelEntry> all = allModels();
        throw new ColorizeException("Model '" + nameOrPath + "' not found. Installed: "
                + (all.isEmpty() ? "none" : names(all)) + ". Looked in: " + roots + ".");
    }

    /** Loads (or reuses) a model on a device. */
    public synchronized ColorizationModel load(String nameOrPath, DeviceChoice device) throws ColorizeException {
        Path folder = resolve(nameOrPath);
        String key = folder + "|" + device.key();
        ColorizationModel model = loaded.get(key);
        if (model == null) {
            model = ColorizationModel.load(folder, device);
            loaded.put(key, model);
        }
        return model;
    }

    @Override
    public ChromaPredictor predictor(String model, DeviceChoice device) throws ColorizeException {
        return load(model, device);
    }

    /** The card of a model (blank: the default), without loading the network. */
    public ModelCard card(String nameOrPath) throws ColorizeException {
        return ModelCard.read(resolve(nameOrPath));
    }

    /** "coco-centernet (detector), …": names with their kinds. */
    public static String describe(List<ModelEntry> entries) {
        List<String> named = new ArrayList<>();
        for (ModelEntry e : entries) named.add(e.name() + " (" + e.card().kind() + ")");
        return String.join(", ", named);
    }

    private static String names(List<ModelEntry> entries) {
        List<String> names = new ArrayList<>();
        for (ModelEntry e : entries) names.add(e.name());
        return String.join(", ", names);
    }

    @Override
    public synchronized void close() {
        for (ColorizationModel m : loaded.values()) m.close();
        loaded.clear();
    }
}
