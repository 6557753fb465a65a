package io.netdock.robustness;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The seeded random source of the generated hostile inputs ({@link HostileInputIT}, {@link HostileJson}).
 * Each run takes its seed from {@code -Dnetdock.hostile.seed=N}, or a new one, and prints it; try {@code i} of a
 * test draws from a generator seeded by the run's seed, the test's name and {@code i}, so a failing try names its
 * seed and replays alone or with the whole run. {@code -Dnetdock.hostile.tries=N} sets the tries per test
 * (default {@value #DEFAULT_TRIES}).
 */
final class Hostile {

    static final int DEFAULT_TRIES = 250;
    static final long SEED = seed();

    private final Random random;

    private Hostile(long seed) {
        this.random = new Random(seed);
    }

    /** The tries of one test: {@code -Dnetdock.hostile.tries}, default {@value #DEFAULT_TRIES}. */
    static Stream<Try> tries() {
        return IntStream.range(0, Integer.getInteger("netdock.hostile.tries", DEFAULT_TRIES)).mapToObj(Try::new);
    }

    /** One try of a test; its name (in the report of a failure) says how to replay the run. */
    record Try(int index) {

        /** The generator of this try of {@code test}. */
        Hostile random(String test) {
            return new Hostile(SEED * 31 + test.hashCode() * 1_000_003L + index);
        }

        @Override
        public String toString() {
            return "try " + index + " (replay: -Dnetdock.hostile.seed=" + SEED + ")";
        }
    }

    private static long seed() {
        String given = System.getProperty("netdock.hostile.seed");
        long seed = given == null || given.isBlank() ? new Random().nextLong() : Long.parseLong(given.trim());
        System.out.println("hostile inputs: seed " + seed + " (re-run with -Dnetdock.hostile.seed=" + seed
                + "), " + Integer.getInteger("netdock.hostile.tries", DEFAULT_TRIES) + " tries per test");
        return seed;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of the generators, chosen with the weight before it: {@code weighted(3, a, 1, b)}. */
    @SafeVarargs
    final <T> T weighted(Weighted<T>... choices) {
        int total = 0;
        for (Weighted<T> choice : choices) {
            total += choice.weight();
        }
        int pick = random.nextInt(total);
        for (Weighted<T> choice : choices) {
            pick -= choice.weight();
            if (pick < 0) {
                return choice.generator().apply(this);
            }
        }
        throw new IllegalStateException("no choice");
    }

    static <T> Weighted<T> weight(int weight, Function<Hostile, T> generator) {
        return new Weighted<>(weight, generator);
    }

    record Weighted<T>(int weight, Function<Hostile, T> generator) {
    }

    /** Any int, with the edges (0, ±1, the extremes) more often than chance would give them. */
    int anyInt() {
        return random.nextInt(4) == 0 ? oneOf(List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 255, 256, 65535,
                65536)) : random.nextInt();
    }

    /**
     * Any text of up to {@code maxLength} UTF-16 units: ASCII, control characters, any BMP unit (lone surrogates
     * too) and code points beyond the BMP.
     */
    String anyString(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> text.append((char) random.nextInt(0x20));
                case 2 -> text.append((char) random.nextInt(0x10000));
                default -> {
                    if (text.length() + 2 <= length) {
                        text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    } else {
                        text.append('x');
                    }
                }
            }
        }
        return text.toString();
    }
}
