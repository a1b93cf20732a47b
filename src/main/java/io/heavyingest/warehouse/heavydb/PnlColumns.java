package io.heavyingest.warehouse.heavydb;

import io.heavyingest.heavydb.LoadColumn;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.PnlBatch;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The three load columns of the long table, written straight from columnar buffers: DATE as seconds since
 * epoch in {@code int_col}, strategy names as pre-encoded UTF-8 in {@code str_col}, P&amp;L in {@code real_col}
 * with the NULL flags. Only the P&amp;L column can be NULL.
 */
public final class PnlColumns {
    private static final long SECONDS_PER_DAY = 86_400L;

    private PnlColumns() {
    }

    /** UTF-8 bytes of each strategy name, encoded once per file rather than once per row. */
    public static ByteBuffer[] encodeNames(List<String> names) {
        ByteBuffer[] out = new ByteBuffer[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ByteBuffer.wrap(names.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The columns of a loader batch; {@code names} from {@link #encodeNames} of the batch's strategies. */
    public static List<LoadColumn> of(PnlBatch batch, ByteBuffer[] names) {
        return of(batch.epochDayColumn(), batch.strategyIndexColumn(), batch.pnlColumn(), batch.nullColumn(),
                batch.size(), names);
    }

    /** Columns over the first {@code size} entries of the buffers. */
    static List<LoadColumn> of(int[] epochDays, int[] strategyIndexes, double[] pnl, boolean[] nulls, int size,
                               ByteBuffer[] names) {
        return List.of(
                new LoadColumn.Simple(TablePlan.DATE_COLUMN, LoadColumn.Kind.INT, size, null) {
                    @Override
                    public void writeValues(TProtocol p) throws TException {
                        for (int i = 0; i < size; i++) {
                            p.writeI64(epochDays[i] * SECONDS_PER_DAY);
                        }
                    }
                },
                new LoadColumn.Simple(TablePlan.STRATEGY_COLUMN, LoadColumn.Kind.STR, size, null) {
                    @Override
                    public void writeValues(TProtocol p) throws TException {
                        for (int i = 0; i < size; i++) {
                            p.writeBinary(names[strategyIndexes[i]]);   // same bytes as writeString
                        }
                    }
                },
                new LoadColumn.Simple(TablePlan.PNL_COLUMN, LoadColumn.Kind.REAL, size, nulls) {
                    @Override
                    public void writeValues(TProtocol p) throws TException {
                        for (int i = 0; i < size; i++) {
                            p.writeDouble(nulls[i] ? 0.0 : pnl[i]);
                        }
                    }
                });
    }
}
