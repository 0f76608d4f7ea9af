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
    private Long version;
    private UnitRegistry registry;

    public RegistryCache(RegistryRepository repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public synchronized UnitRegistry current() {
        // bumped by a trigger on every change to the unit table (migration V6): one row to read per call
        Long now = jdbc.queryForObject("SELECT version FROM registry_version", Long.class);
        if (registry == null || !now.equals(version)) {
            registry = repository.snapshot();
            version = now;
        }
        return registry;
    }
}
