package io.netdock.api;

/** A request dockerd would not route (unknown path, or a method the path does not serve). */
public class PageNotFound extends RuntimeException {

    public PageNotFound() {
        super("page not found", null, false, false);
    }
}
