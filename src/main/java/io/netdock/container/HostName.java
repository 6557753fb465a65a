package io.netdock.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's hostname, which host-mode containers share. */
final class HostName {

    private static final String NAME = read();

    private HostName() {
    }

    static String get() {
        return NAME;
    }

    private static String read() {
        try {
            String name = String.join("", Files.readAllLines(Path.of("/proc/sys/kernel/hostname"))).trim();
            return name.isEmpty() ? "localhost" : name;
        } catch (IOException | RuntimeException unreadable) {
            return "localhost";
        }
    }
}
