package io.heavyingest.cli;

import io.heavyingest.app.Components;
import io.heavyingest.delivery.ObjectOutcome;

import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code run [file] [--json]}: the default. Generates a production-shaped file when none is given, ingests it,
 * benchmarks the dataset and prints both: the load summary and the compliance table (with {@code --json}: the
 * summary line, then the report JSON).
 */
final class RunCommand implements Command {

    @Override
    public String summary() {
        return "run [file] [--json]   (default) ingest a file, or a generated production-shaped one, and benchmark it";
    }

    @Override
    public int run(String[] argv, Context context) throws Exception {
        Args args = new Args(argv, Set.of());
        boolean json = args.flag("json");
        args.rejectUnknown();
        Path file;
        if (args.positional().isEmpty()) {
            GeneratorSpec spec = GeneratorSpec.production(42);
            file = Path.of(GenerateCommand.defaultName(spec));
            if (!Files.exists(file)) {
                System.err.printf("generating a production-shaped file (%d days x %,d strategies) at %s%n",
                        spec.days(), spec.strategies(), file);
                PnlFileGenerator.write(spec, file);
            }
        } else {
            file = Path.of(args.positional().get(0));
        }
        try (Components components = context.open()) {
            ObjectOutcome outcome = LocalPipeline.ingest(components, file, null);
            System.out.print(IngestCommand.summarize(components, outcome, json));
            String datasetId = outcome instanceof ObjectOutcome.Loaded loaded ? loaded.datasetId()
                    : outcome instanceof ObjectOutcome.Republished again ? again.datasetId()
                    : ((ObjectOutcome.Duplicate) outcome).datasetId();
            System.out.flush();
            System.out.print(BenchmarkCommand.benchmarkAndRender(components, datasetId, json));
        }
        return Main.OK;
    }
}
