package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The argv that enters a container's namespaces, and how a command is found on the host. */
class LaunchCommandTest {

    @Test
    void aContainerCommandJoinsTheSandboxAndGetsItsOwnMountAndUtsNamespaces() {
        ProcessSpec spec = new ProcessSpec("c1", List.of("echo", "hi"), List.of("PATH=/bin", "A=b", "NOVALUE"),
                "/tmp", "", "box", "/state/netns/abc", Path.of("/state/containers/c1"), false, false);
        List<String> argv = LaunchCommand.forContainer(spec, List.of("echo", "hi"), Path.of("/cg/cgroup.procs"));
        assertThat(argv.subList(0, 9)).containsExactly("nsenter", "--net=/state/netns/abc", "--", "unshare", "--mount",
                "--uts", "--propagation", "private", "--");
        assertThat(argv.subList(12, 17)).containsExactly("netdock-init", "/cg/cgroup.procs", "/state/containers/c1",
                "box", "/tmp");
        assertThat(argv.subList(17, argv.size())).containsExactly("env", "-i", "--", "PATH=/bin", "A=b",
                "HOME=/root", "echo", "hi");
    }

    @Test
    void anotherUserIsBecomeThroughSetpriv() {
        ProcessSpec spec = new ProcessSpec("c1", List.of("id"), List.of(), "", "1234:5678", "", null, null, false, false);
        List<String> argv = LaunchCommand.forExec(spec, List.of("id"), 99, null);
        assertThat(argv.subList(0, 7)).containsExactly("nsenter", "--target", "99", "--net", "--mount", "--uts", "--");
        assertThat(String.join(" ", argv)).contains("setpriv --reuid=1234 --regid=5678 --clear-groups -- env -i --");
    }

    @Test
    void aCommandMissingFromThePathRunsAsABusyboxAppletWhenThereIsOne() {
        assertThat(HostCommands.resolve(List.of("sh", "-c", "true"), HostCommands.DEFAULT_PATH, false))
                .containsExactly("sh", "-c", "true");
        assertThatThrownBy(() -> HostCommands.resolve(List.of("no-such-command"), HostCommands.DEFAULT_PATH, true))
                .isInstanceOf(CommandNotFound.class)
                .hasMessageContaining("exec: \"no-such-command\": executable file not found in $PATH");
        if (HostCommands.busyboxApplets().contains("httpd")) {
            assertThat(HostCommands.resolve(List.of("httpd", "-f"), "/nonexistent", false))
                    .containsExactly("/usr/bin/busybox", "httpd", "-f");
        }
    }

    @Test
    void aBusyboxImageGetsTheAppletBeforeTheHostsProgram() {
        if (HostCommands.busyboxApplets().contains("top")) {
            assertThat(HostCommands.resolve(List.of("top", "-b"), HostCommands.DEFAULT_PATH, true))
                    .containsExactly("/usr/bin/busybox", "top", "-b");
        }
        assertThat(HostCommands.resolve(List.of("curl", "-s"), HostCommands.DEFAULT_PATH, true))
                .as("not an applet: the host's").containsExactly("curl", "-s");
        assertThat(HostCommands.resolve(List.of("/bin/sh"), HostCommands.DEFAULT_PATH, true))
                .as("a path is a path").containsExactly("/bin/sh");
    }
}
