package org.colorize.spark;

import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.colorize.pipeline.ImageOutcome;

/**
 * The job's Parquet table, {@code OUT/table}: one row per input. Status {@value #OK} rows name
 * their output; {@value #ERROR} rows say why (a bad file is a row, never a failed job).
 */
final class ResultTable {
    static final String OK = "ok";
    static final String ERROR = "error";

    static final StructType SCHEMA = new StructType(new StructField[] {
        field("input", DataTypes.StringType, false),
        field("output", DataTypes.StringType, true),
        field("status", DataTypes.StringType, false),
        field("error", DataTypes.StringType, true),
        field("model", DataTypes.StringType, true),
        field("model_version", DataTypes.StringType, true),
        field("parameters", DataTypes.StringType, true),
        field("read_s", DataTypes.DoubleType, false),
        field("colorize_s", DataTypes.DoubleType, false),
        field("network_s", DataTypes.DoubleType, true),
        field("write_s", DataTypes.DoubleType, false),
        field("psnr", DataTypes.DoubleType, true),
        field("ssim", DataTypes.DoubleType, true),
        field("delta_cf", DataTypes.DoubleType, true),
        field("run", DataTypes.StringType, false),
        field("finished", DataTypes.TimestampType, false),
    });

    private static final int STATUS = SCHEMA.fieldIndex("status");

    private ResultTable() {
    }

    static boolean ok(Row row) {
        return OK.equals(row.getString(STATUS));
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    static Row row(ImageOutcome o, ExecutorModel.Loaded model, String parameters, HadoopImageStore.Scores scores, String run) {
        boolean ok = o.written();
        return RowFactory.create(o.input(), o.output(), ok ? OK : ERROR, ok ? null : o.error(),
                model == null ? null : model.name(), model == null ? null : model.version(), parameters,
                o.readSeconds(), o.colorizeSeconds(), o.times() == null ? null : o.times().network(), o.writeSeconds(),
                scores == null ? null : scores.psnr(), scores == null ? null : scores.ssim(),
                scores == null ? null : scores.deltaColorfulness(), run, new Timestamp(System.currentTimeMillis()));
    }

    /** A row for an input the driver refuses before any task (a second input with the same output name). */
    static Row refused(String input, String error, String run) {
        return RowFactory.create(input, null, ERROR, error, null, null, null, 0.0, 0.0, null, 0.0, null, null, null, run,
                new Timestamp(System.currentTimeMillis()));
    }
}
