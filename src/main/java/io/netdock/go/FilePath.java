package io.netdock.go;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path/filepath} on Linux, as dockerd uses it for paths inside a container. */
public final class FilePath {

    private FilePath() {
    }

    /**
     * {@code filepath.Clean}: one slash between elements, no {@code .} elements, each {@code ..} removes the element
     * before it ({@code ..} at the root is dropped, leading ones of a relative path stay); {@code "."} for an empty
     * result of a relative path.
     */
    public static String clean(String path) {
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!part.equals("..")) {
                parts.add(part);
            } else if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!rooted) {
                parts.add(part);
            }
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
