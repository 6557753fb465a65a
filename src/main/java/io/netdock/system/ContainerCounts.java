package io.netdock.system;

/**
 * How many containers exist, for {@code /info}. Implemented by the container module (a port owned here so the
 * system module never depends on it); without an implementation every count is 0.
 */
public interface ContainerCounts {

    Counts counts();

    record Counts(int total, int running, int stopped) {

        public static final Counts NONE = new Counts(0, 0, 0);
    }
}
