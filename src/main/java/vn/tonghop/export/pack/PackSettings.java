package vn.tonghop.export.pack;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the conference pack puts forward ({@code tonghop.pack.*}).
 *
 * @param keyIndicators   indicators (or {@code rate_*}) ranked on the by-unit sheet and compared across years
 * @param chartIndicators one chart each: the indicator by unit, this year against last year
 * @param chartUnits      at most this many units in a chart (the highest this year), so bars stay readable
 * @param threads         packs written at once (each province's figures are read one after another; building the
 *                        workbooks is what takes the time)
 */
@ConfigurationProperties("tonghop.pack")
public record PackSettings(List<String> keyIndicators, List<String> chartIndicators, Integer chartUnits, Integer threads) {

    public PackSettings {
        keyIndicators = keyIndicators == null || keyIndicators.isEmpty()
                ? List.of("rate_villages_safe", "rate_households_signed", "propaganda_sessions", "tips_received") : List.copyOf(keyIndicators);
        chartIndicators = chartIndicators == null || chartIndicators.isEmpty()
                ? List.of("rate_villages_safe", "propaganda_sessions") : List.copyOf(chartIndicators);
        chartUnits = chartUnits == null || chartUnits < 2 ? 15 : chartUnits;
        threads = threads == null || threads < 1 ? 2 : threads;
    }
}
