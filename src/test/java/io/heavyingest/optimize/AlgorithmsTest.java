package io.heavyingest.optimize;

import io.heavyingest.config.ConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlgorithmsTest {
    private static final long BUDGET = 3_000;
    private static final SizeRange SIZES = new SizeRange(PlantedDataset.PLANTED, PlantedDataset.PLANTED);

    private static OptimizationService service;
    private static StrategyUniverse universe;
    private static OptimizationResult randomSearch;

    @BeforeAll
    static void prepare() {
        OptimizeConfig config = ConfigLoader.load(OptimizeConfig.class, Map.of());
        service = new OptimizationService(config);
        universe = service.prepare(PlantedDataset.matrix());
        randomSearch = run(Algorithm.RS, 1);
    }

    private static OptimizationResult run(Algorithm algorithm, long seed) {
        OptimizationRequest request = OptimizationRequest.of(SIZES, List.of(algorithm), seed, BUDGET);
        return service.optimize(universe, request, 0);
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = "RS", mode = EnumSource.Mode.EXCLUDE)
    void search_plantedPortfolio_shouldBeatRandomSearchOfTheSameBudget(Algorithm algorithm) {
        OptimizationResult result = run(algorithm, 1);

        assertThat(result.best().evaluations()).isEqualTo(BUDGET);
        assertThat(result.best().fitness()).isGreaterThan(randomSearch.best().fitness());
        assertThat(PlantedDataset.plantedIn(result.best().strategies()))
                .as("planted strategies held by the best portfolio of %s", algorithm)
                .isGreaterThan(PlantedDataset.plantedIn(randomSearch.best().strategies()));
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void search_sameSeedTwice_shouldGiveTheSameAnswer(Algorithm algorithm) {
        OptimizationResult first = run(algorithm, 99);
        OptimizationResult second = run(algorithm, 99);

        assertThat(second.best().members()).isEqualTo(first.best().members());
        assertThat(second.best().fitness()).isEqualTo(first.best().fitness());
        assertThat(second.best().foundAt()).isEqualTo(first.best().foundAt());
    }
}
