package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which dataset the report is about and its shape.
 *
 * @param datasetId the dataset id (derived from the source identity)
 * @param source the object it was loaded from
 * @param table the warehouse table holding it
 * @param rows rows of the long table (days x strategies)
 * @param strategies strategy columns of the file
 * @param days date rows of the file
 * @param firstDate earliest date
 * @param lastDate latest date
 * @param nullValues empty cells, stored as NULL
 * @param bytes size of the source object in bytes, null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record DatasetSection(String datasetId, Source source, String table, long rows, int strategies, int days,
                             LocalDate firstDate, LocalDate lastDate, long nullValues, Long bytes) {

    public DatasetSection {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(firstDate, "firstDate");
        Objects.requireNonNull(lastDate, "lastDate");
        if (rows < 0 || strategies < 0 || days < 0 || nullValues < 0 || (bytes != null && bytes < 0)) {
            throw new IllegalArgumentException("dataset " + datasetId + ": counts cannot be negative");
        }
        if (lastDate.isBefore(firstDate)) {
            throw new IllegalArgumentException("dataset " + datasetId + ": last date " + lastDate
                    + " is before first date " + firstDate);
        }
    }

    /**
     * The identity of the loaded object: bucket + key + version, or eTag when the bucket is unversioned.
     *
     * @param bucket bucket name (for a local file: its folder)
     * @param key object key (for a local file: its name)
     * @param versionId S3 version id, null when unversioned
     * @param eTag S3 eTag (or a local file's size-and-time stamp), null when a version id identifies it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Source(String bucket, String key, String versionId, String eTag) {
        public Source {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            if (versionId == null && eTag == null) {
                throw new IllegalArgumentException("source " + bucket + "/" + key + " needs a version id or an eTag");
            }
        }
    }
}
