package org.colorize.spark;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One commit of the job's table: rows written by the driver as one Parquet file, under a hidden
 * name that Spark's reader skips, then renamed into the table folder, so a chunk's rows appear
 * all at once or not at all. Written with Parquet's own writer, not a Spark SQL job: the first
 * Spark SQL write of a JVM costs about 5 s of planning and code generation on 2 cores, more than
 * a chunk of 30 images takes, and a write job would have to wait for a free task slot.
 */
final class TableFile {
    private TableFile() {
    }

    /** Parquet's schema for {@code schema}'s string, double and timestamp columns (what Spark reads back as the same types). */
    static MessageType parquetSchema(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : schema.fields()) {
            Type.Repetition repetition = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) {
                message.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(f.name());
            } else if (t.equals(DataTypes.DoubleType)) {
                message.primitive(PrimitiveTypeName.DOUBLE, repetition).named(f.name());
            } else if (t.equals(DataTypes.TimestampType)) {
                message.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(f.name());
            } else {
                throw new IllegalArgumentException("column " + f.name() + " has type " + t + ", which the table does not write");
            }
        }
        return message.named("spark_schema");
    }

    /** Writes {@code rows} as {@code table/NAME.parquet}; nothing is there if this fails. */
    static void append(List<Row> rows, StructType schema, String table, String name, Configuration conf) throws IOException {
        Path dir = new Path(table);
        FileSystem fs = dir.getFileSystem(conf);
        fs.mkdirs(dir);
        Path target = new Path(dir, name + ".parquet");
        Path temp = new Path(dir, "." + name + ".parquet" + ColorizeSparkJob.PART);
        MessageType parquet = parquetSchema(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(parquet);
        try {
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(temp, conf)).withConf(conf)
                    .withType(parquet).withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build()) {
                for (Row row : rows) writer.write(group(groups.newGroup(), row, schema));
            }
            if (!fs.rename(temp, target)) throw new IOException("cannot rename " + temp + " to " + target);
        } finally {
            fs.delete(temp, false);
            fs.delete(new Path(dir, "." + temp.getName() + ".crc"), false); // the local file system's checksum beside it
        }
    }

    private static Group group(Group g, Row row, StructType schema) {
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (row.isNullAt(i)) {
                if (!fields[i].nullable()) throw new IllegalArgumentException("column " + fields[i].name() + " is null");
                continue;
            }
            DataType t = fields[i].dataType();
            if (t.equals(DataTypes.StringType)) {
                g.append(fields[i].name(), row.getString(i));
            } else if (t.equals(DataTypes.DoubleType)) {
                g.append(fields[i].name(), row.getDouble(i));
            } else {
                Timestamp ts = row.getTimestamp(i);
                g.append(fields[i].name(), ts.getTime() * 1000L + ts.getNanos() / 1000 % 1000);
            }
        }
        return g;
    }
}
