package io.netdock.store;

/**
 * A row changed by another netdock sharing the database since this one read it: the transaction is rolled back and
 * {@link ResourceLocks} runs the operation again once this process has caught up ({@link StoreFeed#catchUp}).
 */
public class ChangedElsewhere extends RuntimeException {

    public ChangedElsewhere(String what) {
        super(what + " was changed by another netdock sharing the database");
    }
}
