package io.netdock.process;

/** Docker's stream numbers, as in the multiplexed frame header. */
public enum StdStream {
    STDIN(0), STDOUT(1), STDERR(2);

    private final int number;

    StdStream(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public String text() {
        return name().toLowerCase();
    }
}
