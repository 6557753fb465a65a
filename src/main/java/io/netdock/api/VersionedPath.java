package io.netdock.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path as Docker's version middleware reads it: {@code /v1.41/networks} is the route {@code /networks} at
 * version 1.41; a path without the prefix is the route itself at {@link ApiVersion#MAX}.
 */
public record VersionedPath(ApiVersion version, String route) {

    private static final Pattern VERSIONED = Pattern.compile("^/v([0-9.]+)(/.*)$");

    public static VersionedPath of(String path) {
        Matcher versioned = VERSIONED.matcher(path);
        if (!versioned.matches()) {
            return new VersionedPath(ApiVersion.MAX, path);
        }
        return new VersionedPath(ApiVersion.parse(versioned.group(1)), versioned.group(2));
    }

    public boolean tooNew() {
        return version.compareTo(ApiVersion.MAX) > 0;
    }

    public boolean tooOld() {
        return version.compareTo(ApiVersion.MIN) < 0;
    }

    /** A version netdock serves: what the middleware lets through to the routes. */
    public boolean supported() {
        return !tooNew() && !tooOld();
    }
}
