package io.netdock.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Named locks in the database ({@code store_lock} rows, locked with {@code SELECT ... FOR UPDATE}), for the few
 * rules that span rows no unique constraint can cover, such as "no two networks on overlapping subnets": every
 * netdock process sharing the database waits for the lock, so the check and the write happen as one. A lock is held
 * until the caller's transaction ends.
 */
@Component
public class StoreLocks {

    /** Held while a network is checked against the others and stored. */
    public static final String NETWORK_CREATE = "network-create";

    private final JdbcClient jdbc;

    public StoreLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock for the rest of the current transaction (which there must be). */
    public void lockUntilCommit(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("store lock " + name + " outside a transaction would be released at once");
        }
        jdbc.sql("select lock_name from store_lock where lock_name = ? for update").param(name).query(String.class)
                .single();
    }
}
