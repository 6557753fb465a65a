package io.netdock.store;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Memory changes when the database change is committed, never for one that is rolled back: inside a transaction the
 * change waits for the commit, outside one it happens at once. Parallel operations thus never see a row freed in
 * memory that another transaction may still bring back.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            change.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                change.run();
            }
        });
    }
}
