package io.netdock.kernel.spi;

import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;

/** One change of a batch sent to a namespace together ({@link NetNamespace#apply}). */
public sealed interface Step permits Step.SetLink, Step.AddAddress, Step.AddRoute {

    /** The link the step names. */
    String link();

    /** {@link NetNamespace#setLink} as a step. */
    record SetLink(String link, LinkChange change) implements Step {
    }

    /** {@link NetNamespace#addAddress} as a step. */
    record AddAddress(String link, IpPrefix address) implements Step {
    }

    /** {@link NetNamespace#addRoute} as a step. */
    record AddRoute(Route route) implements Step {

        @Override
        public String link() {
            return route.device();
        }
    }

    /** What became of a step: {@code failure} is null if it was done. */
    record Outcome(Step step, KernelException failure) {

        public boolean failed() {
            return failure != null;
        }
    }
}
