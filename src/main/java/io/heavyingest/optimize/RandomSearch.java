package io.heavyingest.optimize;

import java.util.SplittableRandom;

/** RS: uniformly random portfolios until the budget is spent; the baseline every other search must beat. */
final class RandomSearch implements SearchAlgorithm {

    @Override
    public void search(Evaluator evaluator, SplittableRandom random) {
        int universe = evaluator.universe().size();
        Marks scratch = new Marks(universe);
        while (!evaluator.exhausted()) {
            evaluator.evaluate(RandomPortfolios.portfolio(random, universe, evaluator.size(), scratch));
        }
    }
}
