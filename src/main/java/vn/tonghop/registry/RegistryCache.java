package vn.tonghop.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One in-memory registry shared by every file of a run (and kept across runs of a long-lived
 * process), reloaded only when the unit table has changed.
 */
@Component
public class RegistryCache {

    private final RegistryRepository repository;
    private final JdbcTemplate jdbc;
    private String fingerprint;
    private UnitRegistry registry;

    public RegistryCache(RegistryRepository repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public synchronized UnitRegistry current() {
        String now = jdbc.queryForObject("""
                SELECT count(*) || ':' || coalesce(sum(hashtext(level || code || name || coalesce(parent_code, '')
                       || valid_from || coalesce(valid_to::text, ''))), 0) FROM unit""", String.class);
        if (registry == null || !now.equals(fingerprint)) {
            registry = repository.snapshot();
            fingerprint = now;
        }
        return registry;
    }
}
