package io.netdock.kernel.bridge;

import java.util.ArrayDeque;
import java.util.Deque;

/** The undo steps of a set-up in progress; on failure they run newest first, and their own failures are kept. */
final class Rollback {

    private final Deque<Runnable> steps = new ArrayDeque<>();

    void onFailure(Runnable undo) {
        steps.push(undo);
    }

    /** Undoes everything done so far; failures of the undo steps are attached to {@code cause}. */
    void unwind(Throwable cause) {
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (RuntimeException undoFailed) {
                cause.addSuppressed(undoFailed);
            }
        }
    }
}
