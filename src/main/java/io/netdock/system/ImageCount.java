package io.netdock.system;

/**
 * How many images the daemon knows, for {@code /info}. Implemented by the image module (a port owned here so
 * the system module never depends on it); without an implementation the count is 0.
 */
public interface ImageCount {

    int images();
}
