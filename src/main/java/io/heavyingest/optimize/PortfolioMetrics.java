package io.heavyingest.optimize;

/**
 * What a portfolio did, all computed from its daily return {@code r_t} = mean P&amp;L of its strategies on day t,
 * over the T days of the dataset. Undefined ratios are infinite (division of a positive amount by zero) or 0
 * (nothing over nothing); JSON renders infinities as null.
 *
 * @param roi sum of r_t (P&amp;L units of one average strategy, not a percentage: the file carries no capital)
 * @param maxDrawdown max over t of (P_t - E_t), with E_t the running sum of r and P_t its running maximum from
 *                    E_1 on; never negative
 * @param ratio legacy "ratio": roi / maxDrawdown when maxDrawdown &gt; 1e-6, else 100 x roi if roi &gt; 0,
 *              10 x roi if roi &lt; 0, else 0
 * @param meanCorrelation mean Pearson correlation over all unordered pairs of the portfolio's strategies (a pair
 *                        with a constant series counts as 0; a single strategy has no pairs: 0)
 * @param fitness ratio - 10 x meanCorrelation: what the optimizer maximizes
 * @param winRate share of days with r_t &gt; 0 (flat days count as not won)
 * @param profitFactor sum of positive r_t / |sum of negative r_t|; infinite with no losing day, 0 with neither
 * @param expectancy winRate x average win - lossRate x average loss, which equals the mean r_t = roi / T
 * @param sharpe mean(r) / sample standard deviation(r) x sqrt(periods per year), risk-free rate 0; 0 when r is
 *               constant
 * @param sortino mean(r) / downside deviation x sqrt(periods per year), downside deviation =
 *                sqrt(sum of min(r_t, 0)^2 / T); infinite when no day lost and mean &gt; 0, 0 when mean &lt;= 0
 * @param annualizedReturn mean(r) x periods per year (arithmetic, P&amp;L units per year)
 */
public record PortfolioMetrics(double roi, double maxDrawdown, double ratio, double meanCorrelation, double fitness,
                               double winRate, double profitFactor, double expectancy, double sharpe, double sortino,
                               double annualizedReturn) {
}
