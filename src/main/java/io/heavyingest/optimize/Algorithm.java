package io.heavyingest.optimize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The searches of the platform, each built from its configuration group. */
public enum Algorithm {
    GA("genetic algorithm"),
    PSO("particle swarm"),
    SA("simulated annealing"),
    DE("differential evolution"),
    ACO("ant colony"),
    HC("hill climbing with restarts"),
    BO("Bayesian optimization"),
    RS("random search");

    private final String description;

    Algorithm(String description) {
        this.description = description;
    }

    public String description() { return description; }

    /** The configured evaluation budget per portfolio size. */
    public long budget(OptimizeConfig c) {
        return switch (this) {
            case GA -> c.ga().budget();
            case PSO -> c.pso().budget();
            case SA -> c.sa().budget();
            case DE -> c.de().budget();
            case ACO -> c.aco().budget();
            case HC -> c.hc().budget();
            case BO -> c.bo().budget();
            case RS -> c.rs().budget();
        };
    }

    SearchAlgorithm create(OptimizeConfig c) {
        return switch (this) {
            case GA -> new GeneticAlgorithm(c.ga().population(), c.ga().tournament(), c.ga().crossoverRate(),
                    c.ga().mutationRate(), c.ga().elites());
            case PSO -> new ParticleSwarm(c.pso().particles(), c.pso().inertia(), c.pso().cognitive(),
                    c.pso().social(), c.pso().maxVelocity(), c.pso().turbulence());
            case SA -> new SimulatedAnnealing(c.sa().calibrationMoves(), c.sa().initialAcceptance(),
                    c.sa().finalTemperatureRatio());
            case DE -> new DifferentialEvolution(c.de().population(), c.de().differentialWeight(),
                    c.de().crossoverRate(), c.de().jitter());
            case ACO -> new AntColony(c.aco().ants(), c.aco().evaporation(), c.aco().heuristicWeight(),
                    c.aco().minPheromone());
            case HC -> new HillClimbing(c.hc().patience());
            case BO -> new BayesianOptimization(c.bo().initialSamples(), c.bo().window(), c.bo().candidates(),
                    c.bo().batch(), c.bo().noise(), c.bo().exploration());
            case RS -> new RandomSearch();
        };
    }

    /** Parses "GA,SA,..." (any case, duplicates dropped, order kept); "ALL" means every algorithm. */
    public static List<Algorithm> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no algorithm given: use a comma-separated list of " + names());
        }
        Set<Algorithm> out = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("ALL")) {
                out.addAll(List.of(values()));
                continue;
            }
            try {
                out.add(valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown algorithm \"" + part.trim() + "\": use " + names());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no algorithm given: use a comma-separated list of " + names());
        }
        return new ArrayList<>(out);
    }

    private static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList());
    }
}
