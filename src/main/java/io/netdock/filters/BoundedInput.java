package io.netdock.filters;

import io.netdock.error.DockerError;
import java.util.regex.Pattern;

/**
 * The text a filter regexp runs over, with a time limit. Docker's Go regexps run in linear time; Java's
 * backtracking engine can take exponential time on a hostile pattern such as {@code (a+)+$}, so a match that
 * takes longer than the limit is refused instead of occupying a request thread.
 */
final class BoundedInput implements CharSequence {

    static final long LIMIT_NANOS = 50_000_000L;
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final long deadline;
    private final Pattern pattern;
    private int reads;

    private BoundedInput(String text, long deadline, Pattern pattern) {
        this.text = text;
        this.deadline = deadline;
        this.pattern = pattern;
    }

    /** {@code pattern.matcher(text).find()}, refused with 400 when it runs past the limit. */
    static boolean find(Pattern pattern, String text) {
        return pattern.matcher(new BoundedInput(text, System.nanoTime() + LIMIT_NANOS, pattern)).find();
    }

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0 && System.nanoTime() > deadline) {
            throw DockerError.invalidParameter("filter regexp " + pattern.pattern()
                    + " takes too long to evaluate; use a simpler pattern");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedInput(text.substring(start, end), deadline, pattern);
    }

    @Override
    public String toString() {
        return text;
    }
}
