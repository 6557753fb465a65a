package io.netdock.process;

import io.netdock.error.DockerError;
import java.util.Map;

/**
 * The json-file driver's options ({@code HostConfig.LogConfig.Config}): {@code max-size} (bytes, with k/m/g) and
 * {@code max-file}, validated as dockerd does at create.
 *
 * @param maxSize  bytes per file; negative for no limit
 * @param maxFiles files kept, the current one included
 */
public record LogSettings(long maxSize, int maxFiles) {

    public static final LogSettings UNLIMITED = new LogSettings(-1, 1);

    public static LogSettings of(Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return UNLIMITED;
        }
        long size = -1;
        int files = 1;
        String rawSize = options.get("max-size");
        if (rawSize != null && !rawSize.isEmpty()) {
            size = bytes(rawSize);
        }
        String rawFiles = options.get("max-file");
        if (rawFiles != null && !rawFiles.isEmpty()) {
            try {
                files = Integer.parseInt(rawFiles);
            } catch (NumberFormatException bad) {
                throw DockerError.invalidParameter("failed to create task for container: invalid max-file: "
                        + rawFiles);
            }
            if (files < 1) {
                throw DockerError.invalidParameter("max-file cannot be less than 1");
            }
            if (files > 1 && size < 0) {
                throw DockerError.invalidParameter("max-file cannot be set without max-size");
            }
        }
        return new LogSettings(size, files);
    }

    /** go-units' {@code RAMInBytes}: a number with an optional b, k, m, g, t, p suffix (powers of 1024). */
    private static long bytes(String raw) {
        String text = raw.strip().toLowerCase();
        int end = text.length();
        while (end > 0 && Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        String unit = text.substring(end).replace("ib", "").replace("b", "");
        double number;
        try {
            number = Double.parseDouble(text.substring(0, end));
        } catch (NumberFormatException bad) {
            throw DockerError.invalidParameter("invalid size: '" + raw + "'");
        }
        long factor = switch (unit) {
            case "" -> 1;
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            case "p" -> 1L << 50;
            default -> throw DockerError.invalidParameter("invalid size: '" + raw + "'");
        };
        return (long) (number * factor);
    }
}
