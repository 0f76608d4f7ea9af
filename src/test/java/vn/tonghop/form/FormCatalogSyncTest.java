package vn.tonghop.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.TonghopSpringTest;

/**
 * The form's indicators mirrored into {@code form_indicator}: rewritten only when they differ from the form, and with
 * statistics (the aggregation's plans depend on them).
 */
@TonghopSpringTest
class FormCatalogSyncTest {

    @Autowired
    FormCatalogSync catalog;

    @Autowired
    ReportForm form;

    @Autowired
    JdbcTemplate jdbc;

    private List<String> rowVersions() {
        return jdbc.queryForList("SELECT indicator || ':' || xmin FROM form_indicator WHERE form_code = ? ORDER BY position", String.class,
                form.code());
    }

    @Test
    void sync_thenTheFormsIndicatorsWithStatistics_rewrittenOnlyWhenTheyDiffer() {
        catalog.sync();
        assertThat(jdbc.queryForList("SELECT indicator FROM form_indicator WHERE form_code = ? ORDER BY position", String.class, form.code()))
                .containsExactlyElementsOf(form.indicators().stream().map(Indicator::code).toList());

        List<String> before = rowVersions();
        catalog.sync();
        assertThat(rowVersions()).as("unchanged rows left alone").isEqualTo(before);

        String first = form.indicators().get(0).code();
        jdbc.update("UPDATE form_indicator SET header = 'sửa tay' WHERE form_code = ? AND indicator = ?", form.code(), first);
        jdbc.execute("DELETE FROM pg_statistic WHERE starelid = 'form_indicator'::regclass");
        jdbc.execute("UPDATE pg_class SET reltuples = -1 WHERE oid = 'form_indicator'::regclass");
        catalog.sync();

        assertThat(jdbc.queryForObject("SELECT header FROM form_indicator WHERE form_code = ? AND indicator = ?", String.class, form.code(), first))
                .isEqualTo(form.indicators().get(0).header());
        assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = 'form_indicator'::regclass", Double.class))
                .isEqualTo((double) jdbc.queryForObject("SELECT count(*) FROM form_indicator", Integer.class));

        jdbc.execute("UPDATE pg_class SET reltuples = -1 WHERE oid = 'form_indicator'::regclass"); // never analysed, rows as the form has them
        catalog.sync();
        assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = 'form_indicator'::regclass", Double.class)).isPositive();
    }
}
