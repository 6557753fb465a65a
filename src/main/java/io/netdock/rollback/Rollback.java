package io.netdock.rollback;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The undo steps of an operation in progress, the one undo stack of netdock (kernel set-ups, network creation,
 * container start, endpoint attachment). On failure the steps run newest first; a step that fails is attached to the
 * original failure (suppressed) and logged with what it was undoing, and the next step still runs. What could not be
 * undone is left for the reconciler at the next start.
 */
public final class Rollback {

    private static final Logger LOG = LoggerFactory.getLogger(Rollback.class);

    private record Step(String what, Runnable undo) {
    }

    private final String operation;
    private final Deque<Step> steps = new ArrayDeque<>();

    /** @param operation what is being done, for the log ({@code "start container web"}) */
    public Rollback(String operation) {
        this.operation = operation;
    }

    /** Registers how to undo a step just done; {@code what} names it for the log ({@code "veth vethab12"}). */
    public void onFailure(String what, Runnable undo) {
        steps.push(new Step(what, undo));
    }

    /** Undoes everything done so far, newest first; failures of the undo steps are attached to {@code cause}. */
    public void unwind(Throwable cause) {
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.undo().run();
            } catch (RuntimeException undoFailed) {
                cause.addSuppressed(undoFailed);
                LOG.warn("{} failed ({}); could not undo {}: {}", operation, cause.getMessage(), step.what(),
                        undoFailed.getMessage());
            }
        }
    }
}
