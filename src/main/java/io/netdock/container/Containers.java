package io.netdock.container;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import io.netdock.store.ChangedElsewhere;
import io.netdock.store.StoreFeed;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container store: one row per container (unique name), the document as JSON, and an in-memory copy of
 * every row read at start so lookups and lists never touch the database. Writers hold the container's lock
 * ({@code ResourceLocks}); call
 * {@link #reload} when a transaction that wrote through here rolled back.
 *
 * <p>Each row carries a revision. An update or delete names the revision this process holds, which nothing but the
 * holder of the container's lock changes (another netdock's changes are applied under that lock too): a row another
 * netdock sharing the database changed meanwhile is {@link ChangedElsewhere}, and nothing is written.
 */
@Repository
public class Containers {

    private static final Comparator<Container> NEWEST_FIRST =
            Comparator.comparing(Container::created).reversed().thenComparing(Container::id);

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final Map<String, Container> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByName = new ConcurrentHashMap<>();
    private final NavigableMap<String, Container> byIdSorted = new ConcurrentSkipListMap<>();
    private final Map<String, Set<String>> linkedFrom = new ConcurrentHashMap<>();
    /** The revision of each container's row as this process read or wrote it. */
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();
    private final StoreFeed feed;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    public Containers(JdbcClient jdbc, PlatformTransactionManager transactions, StoreFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        reloadAll();
    }

    public void reloadAll() {
        Set<String> before = Set.copyOf(byId.keySet());
        byId.clear();
        idByName.clear();
        byIdSorted.clear();
        linkedFrom.clear();
        revisions.clear();
        jdbc.sql("select document, revision from container")
                .query((rs, row) -> remember(read(rs.getString(1)), rs.getLong(2))).list();
        before.forEach(this::changed);
        byId.keySet().stream().filter(id -> !before.contains(id)).forEach(this::changed);
    }

    /**
     * Calls {@code listener} with a container's ID each time what memory holds of it changed (insert, update,
     * delete, reload), on the writer's thread, after the change.
     */
    public void whenChanged(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    private void changed(String id) {
        changeListeners.forEach(listener -> listener.accept(id));
    }

    /**
     * After a transaction that wrote through here failed: takes the database's word for the container, except when
     * another netdock changed it first ({@link ChangedElsewhere}, thrown before anything here changed): that change
     * reaches this process through the store feed, which tells whoever waits here for the container to stop.
     */
    public void rolledBack(String id, RuntimeException failure) {
        if (!(failure instanceof ChangedElsewhere)) {
            reload(id);
        }
    }

    /** Forgets what memory says about one container and takes the database's word for it. */
    public void reload(String id) {
        forget(id);
        jdbc.sql("select document, revision from container where id = ?").param(id)
                .query((rs, row) -> remember(read(rs.getString(1)), rs.getLong(2))).list();
        changed(id);
    }

    /** Inserts; a name already taken (by this or another netdock on the same database) is a conflict. */
    public void insert(Container container) {
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql(
                            "insert into container (id, name, status, document) values (?, ?, ?, ?)")
                    .param(container.id()).param(container.name()).param(container.state().status().text())
                    .param(write(container)).update());
        } catch (DuplicateKeyException taken) {
            throw nameInUse(container.name());
        }
        feed.changed(StoreFeed.CONTAINER, container.id());
        remember(container, 0);
        changed(container.id());
    }

    /**
     * Updates the row if it is still at the revision this process holds; {@link ChangedElsewhere} (nothing written)
     * when another netdock sharing the database changed or removed it since.
     */
    public void update(Container container) {
        long revision = revisionOf(container.id());
        int updated;
        try {
            // one netdock alone (H2) has nobody to race with: the revision is counted, never compared
            updated = savepoint.execute(status -> jdbc.sql("update container set name = ?, status = ?, document = ?, "
                            + "revision = ? where id = ? and (revision = ? or not ?)")
                    .param(container.name()).param(container.state().status().text()).param(write(container))
                    .param(revision + 1).param(container.id()).param(revision).param(feed.isShared()).update());
        } catch (DuplicateKeyException taken) {
            throw nameInUse(container.name());
        }
        if (updated == 0) {
            throw new ChangedElsewhere("container " + container.id());
        }
        feed.changed(StoreFeed.CONTAINER, container.id());
        remember(container, revision + 1);
        changed(container.id());
    }

    /**
     * With a database other netdocks share: locks the container's row for the caller's transaction and checks it is
     * still at the revision this process holds ({@link ChangedElsewhere} if not). Called first by an operation whose
     * steps before its {@link #update} change the kernel, so a stale one fails before it touches anything.
     */
    public void claim(String id) {
        if (!feed.isShared()) {
            return;
        }
        long revision = revisionOf(id);
        Optional<Long> stored = jdbc.sql("select revision from container where id = ? for update").param(id)
                .query(Long.class).optional();
        if (stored.isEmpty() || stored.get() != revision) {
            throw new ChangedElsewhere("container " + id);
        }
    }

    private long revisionOf(String id) {
        Long revision = revisions.get(id);
        if (revision == null && !feed.isShared()) {
            return 0;
        }
        if (revision == null) {
            throw new ChangedElsewhere("container " + id);
        }
        return revision;
    }

    /**
     * Who holds the name, read after the failed statement's savepoint is gone (PostgreSQL refuses every statement
     * of a transaction after a failed one, so the statements get savepoints of their own).
     */
    private ContainerNameInUse nameInUse(String name) {
        String holder = jdbc.sql("select id from container where name = ?").param(name).query(String.class)
                .optional().orElse("");
        return new ContainerNameInUse(name, holder);
    }

    /** Deletes the row if it is still at the revision this process holds (see {@link #update}). */
    public void delete(String id) {
        if (jdbc.sql("delete from container where id = ? and (revision = ? or not ?)").param(id)
                .param(revisionOf(id)).param(feed.isShared()).update() == 0) {
            throw new ChangedElsewhere("container " + id);
        }
        feed.changed(StoreFeed.CONTAINER, id);
        forget(id);
        changed(id);
    }

    public Optional<Container> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Container> byName(String name) {
        String id = idByName.get(name);
        return id == null ? Optional.empty() : byId(id);
    }

    public List<Container> withIdPrefix(String prefix) {
        return List.copyOf(byIdSorted.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values());
    }

    /** Newest first, like {@code docker ps}. */
    public List<Container> all() {
        return byId.values().stream().sorted(NEWEST_FIRST).toList();
    }

    /** The containers holding a legacy link to {@code targetId}, newest first. */
    public List<Container> linkingTo(String targetId) {
        Set<String> parents = linkedFrom.get(targetId);
        if (parents == null) {
            return List.of();
        }
        return parents.stream().map(byId::get).filter(Objects::nonNull).sorted(NEWEST_FIRST).toList();
    }

    public Collection<Container> unordered() {
        return byId.values();
    }

    private Container remember(Container container, long revision) {
        revisions.put(container.id(), revision);
        remember(container);
        return container;
    }

    private void remember(Container container) {
        Container previous = byId.put(container.id(), container);
        if (previous != null) {
            unindex(previous);
        }
        idByName.put(container.name(), container.id());
        byIdSorted.put(container.id(), container);
        for (Link link : container.links()) {
            linkedFrom.computeIfAbsent(link.targetId(), target -> ConcurrentHashMap.newKeySet()).add(container.id());
        }
    }

    private void forget(String id) {
        Container gone = byId.remove(id);
        revisions.remove(id);
        if (gone != null) {
            unindex(gone);
            byIdSorted.remove(id);
        }
    }

    /** Drops what the indexes say about this version of a container (its name and links). */
    private void unindex(Container container) {
        idByName.remove(container.name(), container.id());
        for (Link link : container.links()) {
            linkedFrom.computeIfPresent(link.targetId(), (target, parents) -> {
                parents.remove(container.id());
                return parents.isEmpty() ? null : parents;
            });
        }
    }

    static String write(Container container) {
        return JSON.writeValueAsString(container);
    }

    static Container read(String document) {
        return JSON.readValue(document, Container.class);
    }
}
