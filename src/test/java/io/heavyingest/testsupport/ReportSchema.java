package io.heavyingest.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.heavyingest.report.ReportJson;

import java.util.List;

/** Validates report JSON against the published JSON Schema (draft 2020-12), for tests outside the report package. */
public final class ReportSchema {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ReportJson.schema(), InputFormat.JSON);

    private ReportSchema() {
    }

    /** The schema's complaints about {@code json}; empty when it is valid. */
    public static List<Error> validate(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }
}
