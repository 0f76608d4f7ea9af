package vn.tonghop.registry;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the unit registry out of PostgreSQL. */
@Repository
public class RegistryRepository {

    private final JdbcTemplate jdbc;

    public RegistryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version of every unit, as one immutable snapshot for a run. */
    public UnitRegistry snapshot() {
        List<Unit> units = jdbc.query("""
                SELECT level, code, name, unit_type, parent_code, province_code, name_key, valid_from, valid_to
                FROM unit""", (rs, i) -> new Unit(UnitLevel.fromSql(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class)));
        return new UnitRegistry(units);
    }

    public int count(UnitLevel level) {
        Integer n = jdbc.queryForObject("SELECT count(DISTINCT code) FROM unit WHERE level = ?", Integer.class, level.sqlName());
        return n == null ? 0 : n;
    }
}
