package io.netdock.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything a request could change, as comparable text: the network list, the container list (without the
 * ever-changing {@code Status} text), the kernel view and the row count of every table. Two equal fingerprints
 * mean nothing observable changed in between.
 */
public record StateFingerprint(String networks, String containers, String kernel, Map<String, Long> rows) {

    /** Every table netdock writes (Flyway's own history table aside). */
    public static final List<String> TABLES = List.of("daemon_setting", "network", "network_ipam_config",
            "address_lease", "container", "endpoint", "port_binding", "image_tag");

    public static StateFingerprint of(ApiClient api, DataSource database) {
        String networks = expectOk(api.get("/networks"));
        String containers = expectOk(api.get("/containers/json?all=1"))
                .replaceAll("\"Status\":\"[^\"]*\"", "\"Status\":\"…\"");
        String kernel = expectOk(api.get("/netdock/kernel"));
        return new StateFingerprint(networks, containers, kernel, rowCounts(database));
    }

    public static Map<String, Long> rowCounts(DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return rows;
    }

    private static String expectOk(ApiClient.Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError("reading state failed: " + reply);
        }
        return reply.body();
    }
}
