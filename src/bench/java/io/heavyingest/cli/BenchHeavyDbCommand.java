package io.heavyingest.cli;

import io.heavyingest.json.Json;
import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import io.heavyingest.heavydb.HeavyDbClient;
import io.heavyingest.heavydb.HeavyDbEndpoint;
import io.heavyingest.heavydb.LoopbackHeavyDb;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.warehouse.heavydb.PnlColumns;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code bench-heavydb}: sends a production-shaped dataset through the HeavyDB client's columnar load to a
 * benchmark sink on loopback, and prints rows/s, MB/s, client time and bytes on the wire per P&amp;L value.
 * Parsing is done before the clock starts; the client time covers encoding, the socket and the sink's replies.
 */
final class BenchHeavyDbCommand implements Command {

    @Override
    public String summary() {
        return "bench-heavydb [--days 82] [--strategies 25544] [--batch-rows 1048576] [--runs 5] [--json]"
                + "   columnar load to a loopback sink";
    }

    @Override
    public int run(String[] argv, Context context) throws Exception {
        Args args = new Args(argv, Set.of("days", "strategies", "batch-rows", "runs"));
        int days = (int) args.longOption("days", GeneratorSpec.PRODUCTION_DAYS);
        int strategies = (int) args.longOption("strategies", GeneratorSpec.PRODUCTION_STRATEGIES);
        int batchRows = (int) args.longOption("batch-rows", 1_048_576);
        int runs = (int) Math.max(1, args.longOption("runs", 5));
        boolean json = args.flag("json");
        args.rejectUnknown();

        List<PnlBatch> batches = batches(GeneratorSpec.of(days, strategies, 42), batchRows);
        ByteBuffer[] names = PnlColumns.encodeNames(batches.get(0).strategies());
        long rows = batches.stream().mapToLong(PnlBatch::size).sum();

        List<double[]> results = new ArrayList<>();   // {seconds, bytes, calls}
        try (LoopbackHeavyDb sink = LoopbackHeavyDb.sink()) {
            try (HeavyDbClient client = HeavyDbClient.connect(sink.endpoint(), new HeavyDbClient.Options(5_000, 120_000,
                    Integer.MAX_VALUE))) {
                for (int r = 0; r < runs; r++) {
                    sink.resetSink();
                    long t0 = System.nanoTime();
                    for (PnlBatch b : batches) {
                        client.load("strategy_pnl_bench", PnlColumns.of(b, names));
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (sink.sinkRows() != rows) {
                        throw new IllegalStateException("sink received " + sink.sinkRows() + " rows, sent " + rows);
                    }
                    results.add(new double[] {seconds, sink.sinkBytes(), sink.sinkCalls()});
                    if (!json) {
                        System.out.println(line("run " + (r + 1), rows, seconds, sink.sinkBytes(), sink.sinkCalls()));
                    }
                }
            }
        }
        double[] median = results.stream().sorted((a, b) -> Double.compare(a[0], b[0])).toList().get(results.size() / 2);
        if (json) {
            Figures out = new Figures(rows, strategies, days, (long) median[2], results.stream().map(r -> r[0]).toList(),
                    median[0], rows / median[0], median[1] / 1e6 / median[0], (long) median[1], median[1] / rows);
            System.out.println(Json.line(out));
        } else {
            System.out.println(line("median of " + runs, rows, median[0], (long) median[1], (long) median[2]));
        }
        return Main.OK;
    }

    /** The {@code --json} document. */
    record Figures(long rows, int strategies, int days, long loadCalls, List<Double> runs, double medianClientSeconds,
                   double rowsPerSecond, double megabytesPerSecond, long wireBytes, double bytesPerValue) {
    }

    private static String line(String label, long rows, double seconds, long bytes, long calls) {
        return String.format("%-12s %,d rows in %d load calls: client %.3f s, %,.0f rows/s, %.1f MB/s, %,d bytes on the"
                + " wire, %.2f bytes per P&L value", label, rows, calls, seconds, rows / seconds, bytes / 1e6 / seconds,
                bytes, (double) bytes / rows);
    }

    /** The generated file parsed into loader batches of whole file rows, at most {@code batchRows} rows each. */
    private static List<PnlBatch> batches(GeneratorSpec spec, int batchRows) throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream(40 << 20);
        PnlFileGenerator.write(spec, csv);
        WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(csv.toByteArray()), "generated");
        List<String> names = reader.header().strategies();
        int width = names.size();
        int rowsPerBatch = Math.max(1, batchRows / width);
        List<PnlBatch> out = new ArrayList<>();
        WideRow row = new WideRow(width);
        PnlBatch batch = null;
        while (reader.next(row)) {
            if (batch == null || !batch.hasRoomFor(width)) {
                batch = new PnlBatch(names, rowsPerBatch * width);
                out.add(batch);
            }
            batch.addRow((int) row.date().toEpochDay(), Arrays.copyOf(row.values(), width), row.missing());
        }
        return out;
    }
}
