package io.netdock.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-for-byte against archives and stat headers captured from dockerd 20.10 (see resources/archive/README.md). */
class ContainerArchiveTest {

    private static final String HOSTS = """
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback
            fe00::0\tip6-localnet
            ff00::0\tip6-mcastprefix
            ff02::1\tip6-allnodes
            ff02::2\tip6-allrouters
            172.28.0.2\tf5a2e28fb7b7
            """;
    private static final String HOSTNAME = "f5a2e28fb7b7\n";
    private static final String RESOLV = "nameserver 127.0.0.11\noptions ndots:0\n";
    private static final Instant HOSTS_MTIME = Instant.parse("2026-11-28T18:32:17.916586885Z");
    private static final Instant HOSTNAME_MTIME = Instant.parse("2026-11-28T18:32:17.928897455Z");
    private static final Instant RESOLV_MTIME = Instant.parse("2026-11-28T18:32:18.080586883Z");
    private static final Instant ETC_MTIME = Instant.parse("2026-11-28T18:32:17.857357651Z");

    @Test
    void singleFileArchivesMatchDockerd() throws IOException {
        assertThat(ContainerArchive.singleFile(TarEntry.file("/etc/hosts", HOSTS, HOSTS_MTIME)))
                .isEqualTo(resource("etc-hosts.tar"));
        assertThat(ContainerArchive.singleFile(TarEntry.file("/etc/hostname", HOSTNAME, HOSTNAME_MTIME)))
                .isEqualTo(resource("etc-hostname.tar"));
        assertThat(ContainerArchive.singleFile(TarEntry.file("/etc/resolv.conf", RESOLV, RESOLV_MTIME)))
                .isEqualTo(resource("etc-resolv.conf.tar"));
    }

    @Test
    void directoryArchiveMatchesDockerd() throws IOException {
        byte[] archive = ContainerArchive.directory("/etc", ETC_MTIME, List.of(
                TarEntry.file("resolv.conf", RESOLV, RESOLV_MTIME),
                TarEntry.file("hosts", HOSTS, HOSTS_MTIME),
                TarEntry.symlink("mtab", "/proc/mounts", ETC_MTIME),
                TarEntry.file("hostname", HOSTNAME, HOSTNAME_MTIME)));
        assertThat(archive).isEqualTo(resource("etc.tar"));
    }

    @Test
    void pathStatHeadersMatchDockerd() throws IOException {
        List<String> captured = new String(resource("path-stat-headers.txt"), StandardCharsets.US_ASCII).lines().toList();
        assertThat(List.of(
                PathStat.of(TarEntry.file("/etc/hosts", HOSTS, HOSTS_MTIME)).headerValue(),
                PathStat.of(TarEntry.file("/etc/hostname", HOSTNAME, HOSTNAME_MTIME)).headerValue(),
                PathStat.of(TarEntry.file("/etc/resolv.conf", RESOLV, RESOLV_MTIME)).headerValue(),
                PathStat.directory("etc", 0755, ETC_MTIME).headerValue()))
                .isEqualTo(captured);
    }

    @Test
    void statJsonUsesGoFileModesAndTimes() {
        assertThat(PathStat.directory("etc", 0755, ETC_MTIME).mode()).isEqualTo(2147484141L);
        assertThat(PathStat.symlink("mtab", "/proc/mounts", Instant.parse("2026-11-28T18:32:17.500Z")).json())
                .isEqualTo("{\"name\":\"mtab\",\"size\":12,\"mode\":134218239,\"mtime\":\"2026-11-28T18:32:17.5Z\","
                        + "\"linkTarget\":\"/proc/mounts\"}");
        assertThat(PathStat.file("a<b>&\"c", 0, 0644, Instant.parse("2026-11-28T18:32:17Z")).json())
                .isEqualTo("{\"name\":\"a\\u003cb\\u003e\\u0026\\\"c\",\"size\":0,\"mode\":420,"
                        + "\"mtime\":\"2026-11-28T18:32:17Z\",\"linkTarget\":\"\"}");
        assertThat(new String(Base64.getDecoder().decode(PathStat.file("hosts", 174, 0644, HOSTS_MTIME).headerValue()),
                StandardCharsets.UTF_8)).contains("\"mtime\":\"2026-11-28T18:32:17.916586885Z\"");
    }

    @Test
    void longNamesUseTheUstarPrefixAndImpossibleOnesAreRefused() {
        String dir = "d".repeat(120);
        byte[] archive = TarWriter.write(List.of(TarEntry.file(dir + "/file", "x", HOSTS_MTIME)));
        assertThat(new String(archive, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("file");
        assertThat(new String(archive, 345, 120, StandardCharsets.US_ASCII)).isEqualTo(dir);
        assertThat(archive).hasSize(512 * 4);
        assertThatThrownBy(() -> TarWriter.write(List.of(TarEntry.file("x".repeat(101), "", HOSTS_MTIME))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseNames() {
        assertThat(ContainerArchive.baseName("/etc/")).isEqualTo("etc");
        assertThat(ContainerArchive.baseName("hosts")).isEqualTo("hosts");
        assertThat(ContainerArchive.baseName("/")).isEqualTo("/");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ContainerArchiveTest.class.getResourceAsStream("/archive/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
