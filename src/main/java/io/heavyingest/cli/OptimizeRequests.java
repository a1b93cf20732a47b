package io.heavyingest.cli;

import io.heavyingest.optimize.Algorithm;
import io.heavyingest.optimize.OptimizationRequest;
import io.heavyingest.optimize.OptimizeConfig;
import io.heavyingest.optimize.SizeRange;

/** The optimizer options shared by {@code optimize} and {@code bench-optimize}, over the configured defaults. */
final class OptimizeRequests {
    private OptimizeRequests() {
    }

    static OptimizationRequest parse(Args args, OptimizeConfig config) {
        OptimizationRequest request = OptimizationRequest.fromConfig(config);
        String sizes = args.option("sizes", null);
        String algorithms = args.option("algorithms", null);
        try {
            if (sizes != null) {
                request = request.withSizes(SizeRange.parse(sizes));
            }
            if (algorithms != null) {
                request = request.withAlgorithms(Algorithm.parseList(algorithms));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        request = request.withSeed(args.longOption("seed", request.seed()));
        long budget = args.longOption("budget", 0);
        if (args.option("budget", null) != null) {
            if (budget < 1) {
                throw new UsageException("option --budget needs a positive number of evaluations");
            }
            request = request.withBudget(budget);
        }
        return request;
    }
}
