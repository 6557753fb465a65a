package io.netdock.kernel.bridge;

import io.netdock.kernel.KernelException;
import java.util.ArrayList;
import java.util.List;

/** Best-effort steps: each runs even if an earlier one failed; all failures are reported together. */
final class Failures {

    private final String operation;
    private final List<KernelException> failures = new ArrayList<>();

    Failures(String operation) {
        this.operation = operation;
    }

    void attempt(Runnable step) {
        try {
            step.run();
        } catch (KernelException failure) {
            failures.add(failure);
        }
    }

    List<String> messages() {
        return failures.stream().map(KernelException::getMessage).toList();
    }

    void throwIfAny() {
        if (failures.isEmpty()) {
            return;
        }
        KernelException all = new KernelException(operation + ": " + String.join("; ", messages()),
                failures.get(0).errno());
        failures.forEach(all::addSuppressed);
        throw all;
    }
}
