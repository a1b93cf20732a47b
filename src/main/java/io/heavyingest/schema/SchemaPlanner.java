package io.heavyingest.schema;

import io.heavyingest.config.HeavyIngestConfig;

import java.util.ArrayList;
import java.util.List;

/** Derives a {@link TablePlan} from a file's shape and the schema profile. Pure: no I/O. */
public final class SchemaPlanner {
    private static final long DICT8_MAX = 255;
    private static final long DICT16_MAX = 65_535;

    private final HeavyIngestConfig.Schema profile;

    public SchemaPlanner(HeavyIngestConfig.Schema profile) {
        this.profile = profile;
    }

    public TablePlan plan(FileShape shape) {
        List<String> reasons = new ArrayList<>();

        long capacity = (long) Math.ceil(shape.strategies() * Math.max(1.0, profile.dictionaryHeadroom()));
        int dictBits = capacity <= DICT8_MAX ? 8 : capacity <= DICT16_MAX ? 16 : 32;
        reasons.add(String.format("strategy DICT(%d): %,d strategies x %.1f headroom = %,d names %s",
                dictBits, shape.strategies(), profile.dictionaryHeadroom(), capacity,
                dictBits == 8 ? "fit in 255" : dictBits == 16 ? "fit in 65,535 (DICT(8) holds 255)"
                        : "exceed DICT(16)'s 65,535"));

        DateEncoding dates = chooseDateEncoding(shape, reasons);

        int perWeek = Math.max(1, profile.tradingDaysPerWeek());
        int datesPerFragment = (int) Math.max(1, Math.min(perWeek, Math.round(7.0 / shape.gapDays())));
        long fragment = Math.max(profile.minFragmentRows(),
                Math.min(profile.maxFragmentRows(), (long) datesPerFragment * shape.strategies()));
        reasons.add(String.format("fragment_size %,d: about one week of rows (%d date(s) a week at a %.1f-day gap"
                        + " x %,d strategies), so per-fragment min/max dates prune date ranges",
                fragment, datesPerFragment, shape.gapDays(), shape.strategies()));
        reasons.add("sort_column trade_date: each load batch is stored in date order");

        return new TablePlan(profile.profile(), shape, dictBits, capacity, dates, fragment, datesPerFragment,
                TablePlan.DATE_COLUMN, reasons);
    }

    private DateEncoding chooseDateEncoding(FileShape shape, List<String> reasons) {
        switch (profile.dateEncoding()) {
            case DAYS16:
                reasons.add("trade_date DAYS(16): fixed by the profile");
                return DateEncoding.DAYS16;
            case DAYS32:
                reasons.add("trade_date DAYS(32): fixed by the profile");
                return DateEncoding.DAYS32;
            default:
                break;
        }
        var horizon = shape.lastDate().plusYears(Math.max(0, profile.dateHeadroomYears()));
        if (DateEncoding.DAYS16.covers(shape.firstDate()) && DateEncoding.DAYS16.covers(horizon)) {
            reasons.add("trade_date DAYS(16): " + shape.firstDate() + " .. " + shape.lastDate() + " plus "
                    + profile.dateHeadroomYears() + " years fits 1880-04-15 .. 2059-09-09");
            return DateEncoding.DAYS16;
        }
        reasons.add("trade_date DAYS(32): " + shape.firstDate() + " .. " + horizon
                + " (with headroom) leaves DAYS(16)'s 1880-04-15 .. 2059-09-09");
        return DateEncoding.DAYS32;
    }
}
