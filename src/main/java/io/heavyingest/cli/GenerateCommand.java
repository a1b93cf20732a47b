package io.heavyingest.cli;

import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;

import java.nio.file.Path;
import java.util.Set;

/** {@code generate [--days N] [--strategies N] [--seed N] [--daily] [--crlf] [--out FILE]}. */
final class GenerateCommand implements Command {

    @Override
    public String summary() {
        return "generate [--days 82] [--strategies 25544] [--seed 42] [--daily] [--crlf] [--out FILE]";
    }

    @Override
    public int run(String[] argv, Context context) throws Exception {
        Args args = new Args(argv, Set.of("days", "strategies", "seed", "out"));
        int days = (int) args.longOption("days", GeneratorSpec.PRODUCTION_DAYS);
        int strategies = (int) args.longOption("strategies", GeneratorSpec.PRODUCTION_STRATEGIES);
        long seed = args.longOption("seed", 42);
        boolean daily = args.flag("daily");
        boolean crlf = args.flag("crlf");
        String out = args.option("out", null);
        args.rejectUnknown();
        GeneratorSpec spec = new GeneratorSpec(days, strategies, seed, GeneratorSpec.PRODUCTION_FIRST_DATE,
                daily ? 1 : 7, crlf);
        Path file = Path.of(out != null ? out : defaultName(spec));
        long bytes = PnlFileGenerator.write(spec, file);
        System.out.printf("wrote %s: %,d days x %,d strategies, %,d bytes%n", file, days, strategies, bytes);
        return Main.OK;
    }

    static String defaultName(GeneratorSpec spec) {
        return "target/data/pnl_" + spec.days() + "x" + spec.strategies() + "_seed" + spec.seed() + ".csv";
    }
}
