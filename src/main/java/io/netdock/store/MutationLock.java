package io.netdock.store;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Serialises operations that change daemon state (database, in-memory indexes and kernel together), so each
 * one is applied whole or not at all, in one order everywhere. Reads do not take it. The database's unique
 * constraints stay the arbiter between netdock processes sharing one PostgreSQL.
 */
@Component
public class MutationLock {

    private final ReentrantLock lock = new ReentrantLock(true);

    public <T> T call(Supplier<T> mutation) {
        lock.lock();
        try {
            return mutation.get();
        } finally {
            lock.unlock();
        }
    }

    public void run(Runnable mutation) {
        lock.lock();
        try {
            mutation.run();
        } finally {
            lock.unlock();
        }
    }

    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }
}
