package io.netdock.kernel;

import java.util.List;

/**
 * What {@link Plumbing#reconcile} changed: objects it (re)created, netdock-owned objects it removed because the
 * database does not know them, and steps that failed (reconcile goes on past a failure and reports it here).
 */
public record ReconcileReport(List<String> created, List<String> removed, List<String> failures) {

    public ReconcileReport {
        created = List.copyOf(created);
        removed = List.copyOf(removed);
        failures = List.copyOf(failures);
    }

    public boolean clean() {
        return failures.isEmpty();
    }
}
