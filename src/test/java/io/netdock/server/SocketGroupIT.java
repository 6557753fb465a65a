package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.RunningNetdock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code netdock.socket-group}: who may use the Unix socket, like dockerd's {@code docker} group. */
class SocketGroupIT {

    private static final String NOBODY = "65534";

    @Test
    void theSocketBelongsToTheConfiguredGroupWithMode0660() throws Exception {
        Group group = anotherGroupThisProcessMayGive();
        try (RunningNetdock netdock = RunningNetdock.start("--netdock.socket-group=" + group.name())) {
            PosixFileAttributes socket = Files.readAttributes(netdock.socket(), PosixFileAttributes.class);
            assertThat(socket.group().getName()).isEqualTo(group.name());
            assertThat(PosixFilePermissions.toString(socket.permissions())).isEqualTo("rw-rw----");
        }
    }

    /** The real check: the kernel lets a member of the group connect and turns away someone outside it. */
    @Test
    void membersOfTheGroupMayConnectOthersMayNot() throws Exception {
        Assumptions.assumeTrue(isRoot(), "switching to another user to connect needs root");
        Group group = anotherGroupThisProcessMayGive();
        try (RunningNetdock netdock = RunningNetdock.start("--netdock.socket-group=" + group.name())) {
            Files.setPosixFilePermissions(netdock.stateDir(), PosixFilePermissions.fromString("rwx--x--x"));
            assertThat(curlAs(NOBODY, group.gid(), netdock.socket())).isEqualTo(new Curl(0, "OK"));
            Curl outsider = curlAs(NOBODY, NOBODY, netdock.socket());
            assertThat(outsider.exitCode()).as("curl's 'could not connect'").isEqualTo(7);
            assertThat(outsider.output()).doesNotContain("OK");
        }
    }

    @Test
    void anUnknownGroupRefusesToStartBeforeListening() {
        Path state = RunningNetdock.newStateDir();
        assertThat(RunningNetdock.refusal(state, "--netdock.socket-group=netdock-no-such-group"))
                .hasStackTraceContaining("netdock.socket-group=netdock-no-such-group: there is no group named "
                        + "'netdock-no-such-group' on this machine");
        assertThat(state.resolve("docker.sock")).doesNotExist();
    }

    private static Curl curlAs(String uid, String gid, Path socket) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups",
                "curl", "-sS", "--unix-socket", socket.toString(), "http://d/_ping")
                .redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Curl(curl.exitValue(), output.strip());
    }

    private record Curl(int exitCode, String output) {
    }

    private record Group(String name, String gid) {
    }

    /** A group other than the process's own that it may hand the socket to: any as root, else a supplementary one. */
    private static Group anotherGroupThisProcessMayGive() throws IOException {
        String ownGid = statusField("Gid:").get(1);
        List<String> allowed = isRoot() ? null : statusField("Groups:");
        Optional<Group> group = Files.readAllLines(Path.of("/etc/group")).stream()
                .map(line -> line.split(":"))
                .filter(fields -> fields.length >= 3 && !fields[2].equals(ownGid) && !fields[2].equals(NOBODY))
                .filter(fields -> allowed == null || allowed.contains(fields[2]))
                .map(fields -> new Group(fields[0], fields[2]))
                .findFirst();
        Assumptions.assumeTrue(group.isPresent(), "needs root or a supplementary group to hand the socket to");
        return group.get();
    }

    private static boolean isRoot() throws IOException {
        return "0".equals(statusField("Uid:").get(1));
    }

    /** A line of /proc/self/status, e.g. {@code Uid: real effective saved fs}. */
    private static List<String> statusField(String name) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith(name))
                .map(line -> List.of(line.substring(name.length()).trim().split("\\s+")))
                .findFirst().orElseThrow();
    }
}
