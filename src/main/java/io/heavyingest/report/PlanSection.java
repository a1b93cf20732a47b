package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Objects;

/**
 * The table plan as recorded when the dataset was loaded (not recomputed for the report).
 *
 * @param profile schema profile the plan was made with
 * @param dateColumn name of the date column
 * @param dateEncodingBits planned DATE storage width in bits: 16 or 32 ({@code ENCODING DAYS(n)})
 * @param strategyColumn name of the strategy column
 * @param dictionaryBits planned strategy dictionary width in bits: 8, 16 or 32 ({@code ENCODING DICT(n)})
 * @param dictionaryCapacity strategy names the dictionary was sized for (count x headroom)
 * @param pnlColumn name of the P&amp;L column (DOUBLE)
 * @param fragmentRows planned rows per fragment ({@code fragment_size})
 * @param datesPerFragment dates a fragment holds (about one week)
 * @param sortColumn column each load batch is sorted by, null when none was planned
 * @param reasons one line per decision, saying why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record PlanSection(String profile, String dateColumn, int dateEncodingBits, String strategyColumn,
                          int dictionaryBits, long dictionaryCapacity, String pnlColumn, long fragmentRows,
                          int datesPerFragment, String sortColumn, List<String> reasons) {

    public PlanSection {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(dateColumn, "dateColumn");
        Objects.requireNonNull(strategyColumn, "strategyColumn");
        Objects.requireNonNull(pnlColumn, "pnlColumn");
        if (dateEncodingBits != 16 && dateEncodingBits != 32) {
            throw new IllegalArgumentException("dateEncodingBits must be 16 or 32, not " + dateEncodingBits);
        }
        if (dictionaryBits != 8 && dictionaryBits != 16 && dictionaryBits != 32) {
            throw new IllegalArgumentException("dictionaryBits must be 8, 16 or 32, not " + dictionaryBits);
        }
        if (fragmentRows < 1 || datesPerFragment < 1 || dictionaryCapacity < 1) {
            throw new IllegalArgumentException("fragmentRows, datesPerFragment and dictionaryCapacity must be positive");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Column names in table order. */
    public List<String> columns() {
        return List.of(dateColumn, strategyColumn, pnlColumn);
    }
}
