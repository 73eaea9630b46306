package org.colorize.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Counts a job's table: rows, distinct inputs, ok and error rows, mean stage seconds (a finished run has as many rows
 * as distinct inputs). {@code java … org.colorize.spark.TableSummary OUT/table}.
 */
public final class TableSummary {
    private TableSummary() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("colorize-table").getOrCreate();
        Dataset<Row> table = spark.read().parquet(args[0]);
        long rows = table.count();
        long inputs = table.select("input").distinct().count();
        long ok = table.filter(table.col("status").equalTo(ResultTable.OK)).count();
        long runs = table.select("run").distinct().count();
        System.out.printf("rows %d, distinct inputs %d, ok %d, error %d, runs %d%n", rows, inputs, ok, rows - ok, runs);
        Row mean = table.agg(org.apache.spark.sql.functions.avg("read_s"), org.apache.spark.sql.functions.avg("colorize_s"),
                org.apache.spark.sql.functions.avg("network_s"), org.apache.spark.sql.functions.avg("write_s")).first();
        System.out.printf("mean seconds per image: read %.3f, colorize %.3f (network %.3f), write %.3f%n", mean.getDouble(0),
                mean.getDouble(1), mean.getDouble(2), mean.getDouble(3));
        spark.stop();
    }
}
