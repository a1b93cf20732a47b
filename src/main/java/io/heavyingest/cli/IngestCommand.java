package io.heavyingest.cli;

import io.heavyingest.ingest.IngestResult;

import java.nio.file.Path;
import java.util.Set;

/** {@code ingest <file> [--json] [--dataset-id ID]}: loads one file into the configured warehouse. */
final class IngestCommand implements Command {

    @Override
    public String summary() {
        return "ingest <file.csv[.gz]> [--json] [--dataset-id ID]   load one file";
    }

    @Override
    public int run(String[] argv) {
        Args args = new Args(argv, Set.of("dataset-id"));
        boolean json = args.flag("json");
        String datasetId = args.option("dataset-id", null);
        args.rejectUnknown();
        if (args.positional().size() != 1) {
            throw new UsageException("expected exactly one file, got " + args.positional().size());
        }
        IngestResult result = ingest(Path.of(args.positional().get(0)), datasetId);
        System.out.print(json ? Json.write(Summary.json(result)) + System.lineSeparator() : Summary.text(result));
        return Main.OK;
    }

    static IngestResult ingest(Path file, String datasetId) {
        return LocalPipeline.ingest(file, datasetId);
    }
}
