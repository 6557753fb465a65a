package io.netdock.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How several netdocks sharing one PostgreSQL see each other's writes at once. Every process keeps what it serves
 * in memory; each transaction that changes something records what (a container, a network, an event) in
 * {@code store_change} under the next version of {@code store_version} and notifies the others
 * ({@code NOTIFY netdock_store}). A process applies what the others changed ({@link #onChange} handlers re-read
 * those rows) when notified, and also before it serves a request or plans a mutation it compares its applied version
 * with the database's ({@link #catchUp}): a notification that never arrived costs one query, never a stale answer.
 *
 * <p>The version row is bumped just before commit, so versions commit in order: a process that sees version N in
 * {@code store_version} can read every change up to N. With the embedded H2 database (one process only) the feed is
 * off and costs nothing.
 */
@Component
public class StoreFeed implements AutoCloseable {

    /** The channel every netdock sharing the database listens on. */
    static final String CHANNEL = "netdock_store";

    /** What changed: a container (its row, endpoints or port bindings), a network, or an event was published. */
    public static final String CONTAINER = "container";
    public static final String NETWORK = "network";
    public static final String EVENT = "event";

    /** A handler kind that means "re-read everything" (a process fell so far behind that changes were pruned). */
    public static final String EVERYTHING = "*";

    private static final Logger log = LoggerFactory.getLogger(StoreFeed.class);
    private static final Object PENDING = new Object();
    /** Changes older than this many versions are pruned; a process further behind re-reads everything. */
    private static final long RETAINED_VERSIONS = 20_000;

    private final JdbcClient jdbc;
    private final Environment environment;
    private final TransactionTemplate ownTransaction;
    private final boolean shared;
    private final boolean listen;
    private final String origin = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<Change>>> handlers = new ConcurrentHashMap<>();
    private final Object applying = new Object();
    private volatile long applied;
    private volatile boolean closed;
    private volatile Thread listener;
    private long lastPrune;

    /** One recorded change: {@code detail} carries an event's JSON. */
    public record Change(String kind, String subject, String detail) {
    }

    @Autowired
    public StoreFeed(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                     StoreProperties properties, Environment environment) {
        this(jdbc, environment, transactions, isPostgreSql(dataSource), properties.listen());
    }

    private StoreFeed(JdbcClient jdbc, Environment environment, PlatformTransactionManager transactions,
                      boolean shared, boolean listen) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.ownTransaction = transactions == null ? null : new TransactionTemplate(transactions);
        if (ownTransaction != null) {
            ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
        this.shared = shared;
        this.listen = listen;
        if (shared) {
            applied = currentVersion();
        }
    }

    /** A feed for a store used by one process alone (a tool or a test of one store): records and applies nothing. */
    public static StoreFeed unshared() {
        return new StoreFeed(null, null, null, false, false);
    }

    /** Whether other processes may share the database (PostgreSQL): only then is there anything to catch up on. */
    public boolean isShared() {
        return shared;
    }

    /** This process's mark on the changes it records. */
    public String origin() {
        return origin;
    }

    /** The version up to which this process has applied every other process's changes. */
    public long appliedVersion() {
        return applied;
    }

    /**
     * Registers what to do when another process changed something of {@code kind} (the handler re-reads it), or
     * {@link #EVERYTHING} when this process missed changes and must re-read all.
     */
    public void onChange(String kind, Consumer<Change> handler) {
        handlers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Records that {@code subject} of {@code kind} changed, with the caller's transaction (or at once). */
    public void changed(String kind, String subject) {
        changed(kind, subject, null);
    }

    public void changed(String kind, String subject, String detail) {
        if (!shared) {
            return;
        }
        Change change = new Change(kind, subject, detail);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            ownTransaction.executeWithoutResult(status -> record(List.of(change)));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Change> pending = (List<Change>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            List<Change> batch = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING, batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    record(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = batch;
        }
        if (!pending.contains(change)) {
            pending.add(change);
        }
    }

    /** Takes the next version (the row lock is held until commit, so versions commit in order) and notifies. */
    private void record(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        long version = jdbc.sql("update store_version set version = version + 1 where singleton = 1 returning version")
                .query(Long.class).single();
        int seq = 0;
        for (Change change : changes) {
            jdbc.sql("insert into store_change (version, seq, origin, kind, subject, detail) values (?, ?, ?, ?, ?, ?)")
                    .params(version, seq++, origin, change.kind(), change.subject(), change.detail()).update();
        }
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, Long.toString(version)).query(rs -> { });
    }

    /**
     * Applies what other processes committed since this one last looked: one query when nothing changed. Called
     * before each request is served and each mutation planned, and by the listener when notified.
     */
    public void catchUp() {
        if (!shared) {
            return;
        }
        long current = currentVersion();
        if (current <= applied) {
            return;
        }
        synchronized (applying) {
            long from = applied;
            if (current <= from) {
                return;
            }
            List<Long> versions = new ArrayList<>();
            List<Change> changes = new ArrayList<>();
            jdbc.sql("select version, origin, kind, subject, detail from store_change where version > ? and version <= ? "
                            + "order by version, seq")
                    .params(from, current)
                    .query(rs -> {
                        versions.add(rs.getLong(1));
                        if (!origin.equals(rs.getString(2))) {
                            changes.add(new Change(rs.getString(3), rs.getString(4), rs.getString(5)));
                        }
                    });
            if (versions.isEmpty() || versions.get(0) != from + 1) {
                log.info("changes {}..{} of other netdocks are no longer recorded: re-reading everything", from + 1,
                        current);
                apply(new Change(EVERYTHING, "", null));
            } else {
                changes.forEach(this::apply);
            }
            applied = current;
        }
    }

    private void apply(Change change) {
        for (Consumer<Change> handler : handlers.getOrDefault(change.kind(), List.of())) {
            try {
                handler.accept(change);
            } catch (RuntimeException failed) {
                log.warn("could not apply another netdock's change of {} {}: {}", change.kind(), change.subject(),
                        failed.toString());
            }
        }
    }

    private long currentVersion() {
        return jdbc.sql("select version from store_version where singleton = 1").query(Long.class).single();
    }

    /** Starts listening for other processes' notifications (a daemon thread with a connection of its own). */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void startListening() {
        if (!shared || !listen || listener != null || closed) {
            return;
        }
        listener = new Thread(this::listenLoop, "netdock-store-feed");
        listener.setDaemon(true);
        listener.start();
    }

    /**
     * A connection of the listener's own, outside the pool: a pooled one would go back to the pool after the database
     * dropped it (the pool never sees the failure, which comes through the driver's own API), and serve a request.
     */
    private Connection listenerConnection() throws SQLException {
        return DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    private void listenLoop() {
        while (!closed) {
            try (Connection connection = listenerConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("set application_name = 'netdock-feed-" + origin + "'");
                    statement.execute("listen " + CHANNEL);
                }
                org.postgresql.PGConnection notifications = connection.unwrap(org.postgresql.PGConnection.class);
                catchUpQuietly();
                while (!closed) {
                    // notified or not: after a second without a word the version is checked anyway
                    notifications.getNotifications(1000);
                    catchUpQuietly();
                }
            } catch (SQLException | RuntimeException lost) {
                if (!closed) {
                    log.info("store feed connection lost ({}); listening again", lost.getMessage());
                    pause();
                }
            }
        }
    }

    private void catchUpQuietly() {
        try {
            catchUp();
            pruneNow();
        } catch (RuntimeException failed) {
            if (!closed) {
                log.debug("store feed catch-up failed: {}", failed.toString());
            }
        }
    }

    private void pruneNow() {
        long now = System.nanoTime();
        if (now - lastPrune < 60_000_000_000L) {
            return;
        }
        lastPrune = now;
        jdbc.sql("delete from store_change where version < ?").param(applied - RETAINED_VERSIONS).update();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running = listener;
        if (running != null) {
            running.interrupt();
        }
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql");
        } catch (SQLException unreadable) {
            throw new IllegalStateException("cannot tell which database this is: " + unreadable.getMessage(),
                    unreadable);
        }
    }
}
