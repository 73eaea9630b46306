package org.colorize.command;

import ij.ImagePlus;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import org.colorize.eval.Baseline;
import org.colorize.eval.EvaluationTable;
import org.colorize.eval.Evaluator;
import org.colorize.ij.EvalImagesIJ;
import org.colorize.image.Upsampling;
import org.colorize.runtime.DeviceChoice;
import org.colorize.ij.ImageJHost;
import org.colorize.runtime.TensorFlowRuntime;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ColorizeOptions;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The SciJava twin of Plugins > Colorize > Evaluate Colorization..., for scripts and headless runs
 * through a {@code Context}. No menu path on purpose: the ImageJ 1 plugin owns the menu, so Fiji
 * does not list the command twice. Give {@code truth} and {@code pred} as files or folders, or
 * {@code truthImage} and {@code predImage} as images; outputs are the {@link EvaluationTable} and
 * the same table as aligned text. No input is persisted: a script that leaves {@code pred} or
 * {@code csv} out must not get the previous run's value.
 */
@Plugin(type = Command.class, name = "evaluate-colorization", headless = true)
public class EvaluateCommand extends ContextCommand {
    @Parameter(required = false, persist = false, description = "Ground truth: a color image file or a folder of them")
    private File truth;

    @Parameter(required = false, persist = false, description = "Predictions: an image file or a folder (matched by name); empty for baselines only")
    private File pred;

    @Parameter(required = false, persist = false, description = "Ground truth as an image (instead of truth)")
    private ImagePlus truthImage;

    @Parameter(required = false, persist = false, description = "Prediction as an image (instead of pred)")
    private ImagePlus predImage;

    @Parameter(required = false, persist = false, description = "Baselines, comma-separated: gray and/or model names or folders; empty for none")
    private String baseline = "";

    @Parameter(required = false, persist = false, description = "CSV file to write the table to")
    private File csv;

    @Parameter(required = false, persist = false, description = "Replace an existing CSV file")
    private boolean overwrite;

    @Parameter(required = false, persist = false, choices = {"auto", "cpu", "gpu"}, description = "Device for model baselines")
    private String device = "auto";

    @Parameter(required = false, persist = false, choices = {"bilinear", "guided"}, description = "Chroma upsampling for model baselines")
    private String upsample = "bilinear";

    @Parameter(required = false, persist = false, description = "Annealed-mean temperature for model baselines, or default for the model card's")
    private String temperature = ColorizeOptions.DEFAULT;

    @Parameter(type = ItemIO.OUTPUT)
    private EvaluationTable table;

    @Parameter(type = ItemIO.OUTPUT)
    private String text;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        try {
            TensorFlowRuntime.withContextLoader(() -> {
                evaluate();
                return null;
            });
        } catch (FileAlreadyExistsException e) {
            fail("CSV " + csv + " appeared while evaluating; it is left as it is.");
        } catch (IOException e) {
            fail("Cannot write CSV " + csv + ": " + e.getMessage());
        } catch (ColorizeException | IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (Exception e) {
            fail("Evaluation failed unexpectedly: " + e);
        }
    }

    private void evaluate() throws ColorizeException, IOException {
        List<Baseline> baselines = Baseline.parseList(baseline);
        ColorizeOptions options = new ColorizeOptions("", DeviceChoice.parse(device), Upsampling.parse(upsample),
                ColorizeOptions.parseTemperature(temperature));
        if (csv != null && !overwrite && csv.exists()) {
            throw new ColorizeException("CSV " + csv + " already exists; it is left as it is (set overwrite to replace it).");
        }
        Evaluator evaluator = new Evaluator(ImageJHost.registry());
        Evaluator.Evaluation result;
        if (truthImage != null) {
            result = evaluator.evaluate(EvalImagesIJ.open(truthImage), predImage == null ? null : EvalImagesIJ.open(predImage),
                    baselines, options, (stage, f) -> log.debug("evaluate: " + stage));
        } else if (truth != null) {
            if (predImage != null) throw new ColorizeException("Give pred as a file with truth, or predImage with truthImage.");
            result = evaluator.evaluate(truth.toPath(), pred == null ? null : pred.toPath(), baselines, options,
                    (stage, f) -> log.debug("evaluate: " + stage));
        } else {
            throw new ColorizeException("No ground truth: give truth (a file or folder) or truthImage.");
        }
        result.warnings().forEach(log::warn);
        table = result.table();
        text = table.toText();
        if (csv != null) table.writeCsv(csv.toPath(), overwrite);
    }

    private void fail(String message) {
        log.error(message);
        cancel(message);
    }
}
