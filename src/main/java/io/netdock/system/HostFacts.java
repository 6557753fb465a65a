package io.netdock.system;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Facts about the machine netdock runs on, read once per process from /proc and /etc like dockerd reports them
 * ({@code /info}, the memory limit of {@code /stats}, the hostname host-mode containers share).
 */
public record HostFacts(String kernelVersion, String operatingSystem, String osVersion, String architecture,
                        String goArch, int cpus, long memoryBytes, String hostname) {

    /** The facts of this machine, read on first use. */
    public static HostFacts local() {
        return Local.FACTS;
    }

    /** Holder: the JVM reads the facts once, when {@link #local()} is first called. */
    private static final class Local {
        static final HostFacts FACTS = read();
    }

    static HostFacts read() {
        String arch = System.getProperty("os.arch");
        return new HostFacts(
                firstLine(Path.of("/proc/sys/kernel/osrelease"), System.getProperty("os.version")),
                osRelease("PRETTY_NAME", "Linux"),
                osRelease("VERSION_ID", ""),
                unameMachine(arch),
                goArch(arch),
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                readHostname());
    }

    private static String unameMachine(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> javaArch;
        };
    }

    private static String goArch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> javaArch;
        };
    }

    private static String osRelease(String key, String fallback) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1).replace("\"", "");
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return fallback;
        }
        return fallback;
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    String kb = line.replaceAll("[^0-9]", "");
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Runtime.getRuntime().maxMemory();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String readHostname() {
        String fromProc = firstLine(Path.of("/proc/sys/kernel/hostname"), null);
        if (fromProc != null && !fromProc.isBlank()) {
            return fromProc;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            return "localhost";
        }
    }

    private static String firstLine(Path file, String fallback) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? fallback : lines.get(0).trim();
        } catch (IOException | RuntimeException unreadable) {
            return fallback;
        }
    }
}
