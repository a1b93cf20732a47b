package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * SA: single-swap moves with the Metropolis rule (a move that loses d fitness is taken with probability
 * exp(-d / T)) under a geometric cooling schedule that runs from T0 to T0 x finalTemperatureRatio over the budget.
 * T0 is calibrated on the data: the mean loss of {@code calibrationMoves} random moves is accepted with
 * probability {@code initialAcceptance} at T0.
 */
final class SimulatedAnnealing implements SearchAlgorithm {
    private final int calibrationMoves;
    private final double initialAcceptance;
    private final double finalTemperatureRatio;

    SimulatedAnnealing(int calibrationMoves, double initialAcceptance, double finalTemperatureRatio) {
        if (calibrationMoves < 1) {
            throw new IllegalArgumentException("annealing calibration moves must be positive, got " + calibrationMoves);
        }
        if (!(initialAcceptance > 0 && initialAcceptance < 1)) {
            throw new IllegalArgumentException("initial acceptance must lie strictly between 0 and 1, got " + initialAcceptance);
        }
        if (!(finalTemperatureRatio > 0 && finalTemperatureRatio <= 1)) {
            throw new IllegalArgumentException("final temperature ratio must lie in (0, 1], got " + finalTemperatureRatio);
        }
        this.calibrationMoves = calibrationMoves;
        this.initialAcceptance = initialAcceptance;
        this.finalTemperatureRatio = finalTemperatureRatio;
    }

    @Override
    public void search(Evaluator evaluator, SplittableRandom random) {
        int universe = evaluator.universe().size();
        int size = evaluator.size();
        SwapState state = new SwapState(evaluator,
                RandomPortfolios.portfolio(random, universe, size, new Marks(universe)));
        double lossSum = 0;
        int losses = 0;
        for (int k = 0; k < calibrationMoves && !evaluator.exhausted(); k++) {
            double f = state.trySwap(random.nextInt(size), RandomPortfolios.outsider(random, universe, state));
            if (f < state.fitness()) {
                lossSum += state.fitness() - f;
                losses++;
            }
        }
        double temperature = losses == 0 ? 1e-9 : (lossSum / losses) / -Math.log(initialAcceptance);
        long steps = Math.max(1, evaluator.remaining());
        double cooling = Math.pow(finalTemperatureRatio, 1.0 / steps);
        while (!evaluator.exhausted()) {
            int slot = random.nextInt(size);
            int incoming = RandomPortfolios.outsider(random, universe, state);
            double f = state.trySwap(slot, incoming);
            double gain = f - state.fitness();
            if (gain >= 0 || random.nextDouble() < Math.exp(gain / temperature)) {
                state.applySwap(slot, incoming, f);
            }
            temperature *= cooling;
        }
    }
}
