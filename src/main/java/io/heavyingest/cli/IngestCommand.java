package io.heavyingest.cli;

import io.heavyingest.ingest.DatasetIds;
import io.heavyingest.app.Components;
import io.heavyingest.json.Json;
import io.heavyingest.delivery.ObjectOutcome;

import java.nio.file.Path;
import java.util.Set;

/** {@code ingest <file> [--json] [--dataset-id ID]}: loads one file into the configured warehouse. */
final class IngestCommand implements Command {

    @Override
    public String summary() {
        return "ingest <file.csv[.gz]> [--json] [--dataset-id ID]   load one file";
    }

    @Override
    public int run(String[] argv, Context context) {
        Args args = new Args(argv, Set.of("dataset-id"));
        boolean json = args.flag("json");
        String datasetId = args.option("dataset-id", null);
        args.rejectUnknown();
        if (datasetId != null && !DatasetIds.isValid(datasetId)) {
            throw new UsageException("--dataset-id must be 1 to 32 lower-case letters or digits");
        }
        if (args.positional().size() != 1) {
            throw new UsageException("expected exactly one file, got " + args.positional().size());
        }
        System.out.print(ingestAndSummarize(context, Path.of(args.positional().get(0)), datasetId, json));
        return Main.OK;
    }

    /** Loads {@code file} through the exactly-once service and renders the outcome, as text or one JSON line. */
    static String ingestAndSummarize(Context context, Path file, String datasetId, boolean json) {
        try (Components components = context.open()) {
            return summarize(components, LocalPipeline.ingest(components, file, datasetId), json);
        }
    }

    /** The outcome of a load rendered as text or one JSON line. */
    static String summarize(Components components, ObjectOutcome outcome, boolean json) {
        Summary summary = Summary.of(outcome, components.warehouse());
        return json ? Json.line(summary) + System.lineSeparator() : summary.text();
    }
}
