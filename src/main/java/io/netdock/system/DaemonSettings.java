package io.netdock.system;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Daemon-wide values kept in the database (engine ID and the like). */
@Repository
public class DaemonSettings {

    private final JdbcClient jdbc;

    DaemonSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(String name) {
        return jdbc.sql("select setting_value from daemon_setting where setting_name = ?").param(name).query(String.class).optional();
    }

    /** The stored value, or the supplied one stored now; the first writer wins if two race. */
    public String getOrCreate(String name, Supplier<String> initial) {
        Optional<String> existing = find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            String value = initial.get();
            jdbc.sql("insert into daemon_setting (setting_name, setting_value) values (?, ?)").param(name).param(value).update();
            return value;
        } catch (DuplicateKeyException lostRace) {
            return find(name).orElseThrow();
        }
    }
}
