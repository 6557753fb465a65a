package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.error.DockerError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code docker top}'s table from ps output, and the ps arguments dockerd refuses, in dockerd's words. */
class ProcessTableTest {

    @Test
    void theRowsOfTheContainersProcessesWithTheCommandLineAsTheLastColumn() {
        String ps = """
                UID          PID    PPID  C STIME TTY          TIME CMD
                root          10       1  0 23:04 ?        00:00:00 sh -c sleep 1000 & wait
                root          11      10  0 23:04 ?        00:00:00 sleep 1000
                root          12       1  0 23:04 ?        00:00:00 not ours
                """;
        TopTable table = ProcessTable.parse(ps, Set.of(10, 11));
        assertThat(table.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        assertThat(table.processes()).containsExactly(
                List.of("root", "10", "1", "0", "23:04", "?", "00:00:00", "sh -c sleep 1000 & wait"),
                List.of("root", "11", "10", "0", "23:04", "?", "00:00:00", "sleep 1000"));
    }

    @Test
    void threadRowsFollowTheirProcess() {
        String ps = """
                USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
                root        10  0.0  0.0   2268  1512 ?        -    23:04   0:00 java
                root         -  0.0    -      -     - -        Ssl  23:04   0:00 -
                root        12  0.0  0.0   2268  1440 ?        -    23:04   0:00 other
                root         -  0.0    -      -     - -        S    23:04   0:00 -
                """;
        TopTable table = ProcessTable.parse(ps, Set.of(10));
        assertThat(table.processes()).hasSize(2);
        assertThat(table.processes().get(1).get(1)).isEqualTo("-");
    }

    @Test
    void outputWithoutAPidColumnIsRefused() {
        assertThatThrownBy(() -> ProcessTable.parse("COMMAND\nsleep\n", Set.of(1)))
                .isInstanceOf(DockerError.class).hasMessage("Couldn't find PID field in ps output");
        assertThatThrownBy(() -> ProcessTable.parse("PID\nabc\n", Set.of(1)))
                .hasMessage("Unexpected pid 'abc': strconv.Atoi: parsing \"abc\": invalid syntax");
    }

    @Test
    void anotherColumnTitledPidIsRefusedBeforePsRuns() {
        assertThatThrownBy(() -> ProcessTable.of(List.of(1), "-o user=PID"))
                .isInstanceOf(DockerError.class).hasMessage("specifying \"user=PID\" is not allowed");
        ProcessTable.refuseRetitledPid("-o pid=PID,comm");
    }

    @Test
    void withoutProcessesTheDefaultTitlesNeedNoPs() {
        assertThat(ProcessTable.of(List.of(), "")).isEqualTo(new TopTable(
                List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"), List.of()));
    }
}
