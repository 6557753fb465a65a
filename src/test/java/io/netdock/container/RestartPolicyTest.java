package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * dockerd's {@code ShouldRestart}, asked after an exit nobody asked for and at daemon start: the exit code, the
 * restarts so far and whether a client stopped the container decide, by policy.
 */
class RestartPolicyTest {

    @Test
    void alwaysRestartsWhateverHappened() {
        RestartPolicy always = new RestartPolicy("always", 0);
        assertThat(always.restarts(0, 5, false)).isTrue();
        assertThat(always.restarts(143, 0, true)).as("stopped by a client, at daemon start").isTrue();
    }

    @Test
    void unlessStoppedRestartsUnlessAClientStoppedIt() {
        RestartPolicy unlessStopped = new RestartPolicy("unless-stopped", 0);
        assertThat(unlessStopped.restarts(143, 0, false)).as("stopped by netdock's shutdown").isTrue();
        assertThat(unlessStopped.restarts(143, 0, true)).isFalse();
    }

    @Test
    void onFailureRestartsAfterANonZeroExitWhileRetriesRemain() {
        RestartPolicy twice = new RestartPolicy("on-failure", 2);
        assertThat(twice.restarts(1, 1, false)).isTrue();
        assertThat(twice.restarts(1, 2, false)).isFalse();
        assertThat(twice.restarts(0, 0, false)).isFalse();
        assertThat(new RestartPolicy("on-failure", 0).restarts(143, 99, true))
                .as("no limit; a client's stop does not count, as in dockerd").isTrue();
    }

    @Test
    void noNeverRestarts() {
        assertThat(new RestartPolicy("no", 0).restarts(1, 0, false)).isFalse();
    }
}
