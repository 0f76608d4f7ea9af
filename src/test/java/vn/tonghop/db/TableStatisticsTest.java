package vn.tonghop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/** Statistics are refreshed after a bulk change, as autovacuum would, and left alone after a small one. */
@TonghopSpringTest
class TableStatisticsTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        Database.clear(jdbc);
        jdbc.execute("ANALYZE value");
    }

    @Test
    void refresh_whenAThousandRowsLandInAnEmptyTable_thenThePlannerCountsThem() {
        insertValues(1, 1000);

        assertThat(TableStatistics.refresh(jdbc, "value", 1000)).isTrue();

        assertThat(counted()).isEqualTo(1000.0);
    }

    @Test
    void refresh_whenAFewRowsAreAddedToALargeTable_thenItIsLeftToAutovacuum() {
        insertValues(1, 1000);
        TableStatistics.refresh(jdbc, "value", 1000);
        insertValues(1001, 1100);

        // 100 rows: under 50 plus a tenth of 1,000
        assertThat(TableStatistics.refresh(jdbc, "value", 100)).isFalse();
        assertThat(counted()).isEqualTo(1000.0);

        insertValues(1101, 1300);
        assertThat(TableStatistics.refresh(jdbc, "value", 300)).isTrue();
        assertThat(counted()).isEqualTo(1300.0);
    }

    @Test
    void refresh_whenNothingChanged_thenNothingIsAnalysed() {
        assertThat(TableStatistics.refresh(jdbc, "report", 0)).isFalse();
    }

    @Test
    void refresh_whenTheTableIsNotOneOfTonghops_thenItRefuses() {
        assertThatThrownBy(() -> TableStatistics.refresh(jdbc, "value; DROP TABLE unit", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a table");
    }

    private void insertValues(int from, int to) {
        jdbc.update("INSERT INTO value (report_id, indicator, value) SELECT g, 'sessions', g FROM generate_series(?, ?) g", from, to);
    }

    private double counted() {
        return jdbc.queryForObject("SELECT reltuples::float8 FROM pg_class WHERE oid = 'value'::regclass", Double.class);
    }
}
