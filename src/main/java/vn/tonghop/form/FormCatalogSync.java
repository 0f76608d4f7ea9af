package vn.tonghop.form;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Mirrors the form's indicators into {@code form_indicator}, so set-based SQL can join on their kind. */
@Component
public class FormCatalogSync {

    private final JdbcTemplate jdbc;
    private final ReportForm form;

    public FormCatalogSync(JdbcTemplate jdbc, ReportForm form) {
        this.jdbc = jdbc;
        this.form = form;
    }

    public void sync() {
        jdbc.update("DELETE FROM form_indicator WHERE form_code = ?", form.code());
        int position = 0;
        for (Indicator indicator : form.indicators()) {
            jdbc.update("INSERT INTO form_indicator (form_code, indicator, kind, header, position) VALUES (?, ?, ?, ?, ?)",
                    form.code(), indicator.code(), indicator.kind().sqlName(), indicator.header(), position++);
        }
    }
}
