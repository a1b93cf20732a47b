package io.heavyingest.app;

import io.heavyingest.heavydb.HeavyRpc;
import io.heavyingest.ingest.IngestRequest;
import io.heavyingest.ingest.IngestResult;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.Staging;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.heavydb.HeavyDbWarehouse;
import io.heavyingest.warehouse.heavydb.PnlColumns;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TIOStreamTransport;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Runs the load path once over a small synthetic file held in memory, with no warehouse write: the parser, the
 * schema planner, the batching and, for HeavyDB, the encoding of load calls run for real, so their classes are
 * loaded and their hot loops compiled before the first real file arrives. What is encoded is thrown away.
 *
 * <p>A function calls this at start-up. With SnapStart the start-up runs once, before the snapshot is taken, and
 * every instance restored from it starts primed; without SnapStart the work moves from the first event into the
 * init phase.
 */
public final class Priming {
    /** The source name shown in the load path's log lines, so nobody mistakes priming for a load. */
    public static final String SOURCE = "start-up priming (synthetic file, never loaded)";

    private Priming() {
    }

    /**
     * What the synthetic run did.
     *
     * @param rows long-table rows produced by the parser (days x strategies)
     * @param encodedBytes bytes of HeavyDB load calls encoded and discarded (0 for other warehouses)
     * @param nanos time taken
     */
    public record Result(long rows, long encodedBytes, long nanos) {
    }

    /**
     * Parses and plans a synthetic file of {@code days} x {@code strategies} through the real {@link IngestService}
     * and hands its batches to a staging area that discards them (after encoding them as the HeavyDB load call
     * when {@code warehouse} is HeavyDB). Nothing reaches the warehouse.
     */
    public static Result synthetic(Settings settings, Warehouse warehouse, int days, int strategies) {
        long t0 = System.nanoTime();
        byte[] csv = file(days, strategies, 42L);
        DiscardingStaging staging = new DiscardingStaging(warehouse instanceof HeavyDbWarehouse);
        IngestResult result = new IngestService(staging, settings.core()).load(
                new IngestRequest("priming", SOURCE, csv.length, new ByteArrayInputStream(csv)));
        return new Result(result.record().counts().rows(), staging.encoded, System.nanoTime() - t0);
    }

    /** A file in the production format: business days from 2024-01-01, values with 1 to 17 significant digits. */
    static byte[] file(int days, int strategies, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(days * strategies * 20 + strategies * 12);
        out.append("Date,Day");
        for (int s = 0; s < strategies; s++) {
            out.append(",PRIMING ").append(s);
        }
        out.append('\n');
        LocalDate date = LocalDate.of(2024, 1, 1);
        for (int d = 0; d < days; d++) {
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
            out.append(date).append(',').append(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            for (int s = 0; s < strategies; s++) {
                out.append(',');
                switch (random.nextInt(8)) {
                    case 0 -> out.append("0.0");
                    case 1 -> out.append(random.nextInt(-5000, 5000));
                    // the long binary expansions real files are full of, and short decimals
                    case 2, 3, 4 -> out.append((random.nextDouble() - 0.5) * 2000.0);
                    default -> out.append(random.nextInt(-99999, 99999) / 100.0);
                }
            }
            out.append('\n');
            date = date.plusDays(1);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Keeps count of what it is given and throws it away. */
    private static final class DiscardingStaging implements Staging {
        private final boolean encodeForHeavyDb;
        private long encoded;

        DiscardingStaging(boolean encodeForHeavyDb) {
            this.encodeForHeavyDb = encodeForHeavyDb;
        }

        @Override
        public StagedLoad stage(String datasetId, TablePlan plan) {
            return new StagedLoad() {
                private long rows;
                private java.util.List<String> names;
                private ByteBuffer[] encodedNames;

                @Override
                public void append(PnlBatch batch) {
                    rows += batch.size();
                    if (!encodeForHeavyDb || batch.size() == 0) {
                        return;
                    }
                    if (batch.strategies() != names) {
                        names = batch.strategies();
                        encodedNames = PnlColumns.encodeNames(names);
                    }
                    Counting sink = new Counting();
                    try {
                        HeavyRpc.writeLoadColumnar(new TBinaryProtocol(new TIOStreamTransport(sink)), 0, "priming",
                                "strategy_pnl_priming", PnlColumns.of(batch, encodedNames));
                    } catch (TException e) {
                        throw new IllegalStateException("priming could not encode a load call", e);
                    }
                    encoded += sink.count;
                }

                @Override
                public void verify(long expectedRows) {
                    if (rows != expectedRows) {
                        throw new IllegalStateException("priming produced " + rows + " rows, expected " + expectedRows);
                    }
                }

                @Override
                public String publish(LoadRecord record) {
                    return "strategy_pnl_priming";
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static final class Counting extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
