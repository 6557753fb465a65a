package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.api.StreamFrames;
import io.netdock.error.DockerError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker's json-file log lines, its rotation and reading, and the multiplexed stream framing. */
class LogFormatTest {

    private static final Instant T = Instant.parse("2026-12-07T21:00:00.123400Z");

    @TempDir
    Path dir;

    @Test
    void aLineIsWrittenAsDockersJsonFileDriverWritesIt() {
        assertThat(LogLines.write(new LogEntry(StdStream.STDOUT, "hi <b>&\"x\"\t\u0001\n", T)))
                .isEqualTo("{\"log\":\"hi \\u003cb\\u003e\\u0026\\\"x\\\"\\t\\u0001\\n\",\"stream\":\"stdout\","
                        + "\"time\":\"2026-12-07T21:00:00.1234Z\"}\n");
        LogEntry back = LogLines.read("{\"log\":\"a\\u003c\\n\",\"stream\":\"stderr\",\"time\":\"2026-12-07T21:00:00.1234Z\"}");
        assertThat(back).isEqualTo(new LogEntry(StdStream.STDERR, "a<\n", T));
        assertThat(LogLines.read("{\"log\":\"torn")).isNull();
    }

    @Test
    void outputIsCutIntoOneEntryPerLineAndTheRestWrittenAtClose() throws Exception {
        JsonFileLog log = JsonFileLog.open(dir, "c1", LogSettings.UNLIMITED, Clock.fixed(T, ZoneOffset.UTC));
        write(log, StdStream.STDOUT, "one\ntw");
        write(log, StdStream.STDERR, "e1\n");
        write(log, StdStream.STDOUT, "o\nthree");
        log.close();
        assertThat(read(new LogQuery(true, true, null, null, false, -1, false)))
                .containsExactly("stdout:one\n", "stderr:e1\n", "stdout:two\n", "stdout:three");
        assertThat(read(new LogQuery(false, true, null, null, false, -1, false))).containsExactly("stderr:e1\n");
        assertThat(read(new LogQuery(true, true, null, null, false, 2, false)))
                .containsExactly("stdout:two\n", "stdout:three");
        assertThat(read(new LogQuery(true, true, T.plusSeconds(1), null, false, -1, false))).isEmpty();
        assertThat(read(new LogQuery(true, true, null, T, false, -1, false))).isEmpty();
    }

    @Test
    void maxSizeRotatesAndMaxFileKeepsThatManyFiles() throws Exception {
        JsonFileLog log = JsonFileLog.open(dir, "c2", new LogSettings(200, 2), Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            write(log, StdStream.STDOUT, "line " + i + "\n");
        }
        log.close();
        assertThat(Files.exists(dir.resolve("c2-json.log.1"))).isTrue();
        assertThat(Files.exists(dir.resolve("c2-json.log.2"))).isFalse();
        assertThat(Files.size(dir.resolve("c2-json.log"))).isLessThanOrEqualTo(200);
        List<String> kept = new ArrayList<>();
        LogReader.read(dir.resolve("c2-json.log"), new LogQuery(true, true, null, null, false, -1, false), null,
                e -> kept.add(e.log()));
        assertThat(kept).last().isEqualTo("line 9\n");
        assertThat(kept).hasSizeLessThan(10).isSubsetOf(List.of("line 0\n", "line 1\n", "line 2\n", "line 3\n",
                "line 4\n", "line 5\n", "line 6\n", "line 7\n", "line 8\n", "line 9\n"));
    }

    @Test
    void logOptionsAreReadAsDockerReadsThem() {
        assertThat(LogSettings.of(Map.of("max-size", "10k", "max-file", "3"))).isEqualTo(new LogSettings(10240, 3));
        assertThat(LogSettings.of(Map.of("max-size", "1m"))).isEqualTo(new LogSettings(1 << 20, 1));
        assertThatThrownBy(() -> LogSettings.of(Map.of("max-file", "2"))).isInstanceOf(DockerError.class)
                .hasMessage("max-file cannot be set without max-size");
        assertThatThrownBy(() -> LogSettings.of(Map.of("max-size", "abc"))).hasMessage("invalid size: 'abc'");
    }

    @Test
    void framesCarryTheStreamAndTheBigEndianLength() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
        StreamFrames.write(out, true, 2, payload, 0, payload.length);
        assertThat(out.toByteArray()).containsExactly(2, 0, 0, 0, 0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o');
        assertThat(StreamFrames.header(1, 0x01020304)).containsExactly(1, 0, 0, 0, 1, 2, 3, 4);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        StreamFrames.write(raw, false, 1, payload, 0, payload.length);
        assertThat(raw.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void procStatFieldsSurviveSpacesAndParenthesesInTheCommand() {
        String line = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";
        assertThat(ProcStat.fieldOf(line, 2)).contains("my (odd) cmd");
        assertThat(ProcStat.fieldOf(line, 3)).contains("S");
        assertThat(ProcStat.fieldOf(line, 4)).contains("1");
        assertThat(ProcStat.fieldOf(line, 22)).contains("987654");
        assertThat(ProcStat.startTicks((int) ProcessHandle.current().pid())).isPresent();
    }

    private static void write(JsonFileLog log, StdStream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        log.write(stream, bytes, bytes.length);
    }

    private List<String> read(LogQuery query) throws InterruptedException {
        List<String> entries = new ArrayList<>();
        LogReader.read(JsonFileLog.fileOf(dir, "c1"), query, null, e -> entries.add(e.stream().text() + ":" + e.log()));
        return entries;
    }
}
