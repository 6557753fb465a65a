package io.netdock.ipam;

import java.util.HashMap;
import java.util.Map;

/**
 * A sparse bitmap over the offsets {@code 0 … last} (unsigned, so up to 2^64 - 1 bits for an IPv6 /64).
 * Memory is spent only on pages that hold a set bit: 65,536 bits (8 KiB) per page, created on first use, dropped
 * when emptied. An IPv4 /8 with every address used costs 2 MiB; an empty IPv6 /64 costs nothing. A bitmap smaller
 * than a page has one page of its own size (a /24: 32 bytes, not 8 KiB), so many small networks stay small. Full
 * pages are skipped in one step, so a search walks at most one partly used page plus the full pages in its way.
 */
final class AddressBitmap {

    static final long NONE = -1L;

    private static final int PAGE_SHIFT = 16;
    private static final int PAGE_BITS = 1 << PAGE_SHIFT;
    private static final int WORDS = PAGE_BITS / 64;
    private static final long OFFSET_IN_PAGE = PAGE_BITS - 1;

    private final long last;
    /** Words per page: a whole page, or fewer when the bitmap itself is smaller than one. */
    private final int pageWords;
    private final Map<Long, Page> pages = new HashMap<>();
    private long setCount;

    /** @param last the highest offset (unsigned); must not be {@link #NONE}, which marks "no offset" */
    AddressBitmap(long last) {
        if (last == NONE) {
            throw new IllegalArgumentException("the all-ones offset is reserved as 'none'");
        }
        this.last = last;
        this.pageWords = Long.compareUnsigned(last, PAGE_BITS) < 0 ? (int) (last / 64) + 1 : WORDS;
    }

    long last() {
        return last;
    }

    long setCount() {
        return setCount;
    }

    boolean isSet(long offset) {
        Page page = pages.get(offset >>> PAGE_SHIFT);
        return page != null && page.isSet((int) (offset & OFFSET_IN_PAGE));
    }

    /** Sets the bit; false when it was already set (or lies outside the bitmap). */
    boolean set(long offset) {
        if (Long.compareUnsigned(offset, last) > 0) {
            return false;
        }
        Page page = pages.computeIfAbsent(offset >>> PAGE_SHIFT, index -> new Page(pageWords));
        if (!page.set((int) (offset & OFFSET_IN_PAGE))) {
            return false;
        }
        setCount++;
        return true;
    }

    /** Clears the bit; false when it was not set. */
    boolean clear(long offset) {
        long index = offset >>> PAGE_SHIFT;
        Page page = pages.get(index);
        if (page == null || !page.clear((int) (offset & OFFSET_IN_PAGE))) {
            return false;
        }
        setCount--;
        if (page.used == 0) {
            pages.remove(index);
        }
        return true;
    }

    /** The lowest clear offset in {@code [from, to]} (unsigned, inclusive), or {@link #NONE}. */
    long nextClear(long from, long to) {
        long position = from;
        while (Long.compareUnsigned(position, to) <= 0) {
            long index = position >>> PAGE_SHIFT;
            Page page = pages.get(index);
            if (page == null) {
                return position;
            }
            if (page.used < page.words.length * 64) {
                int bit = page.nextClear((int) (position & OFFSET_IN_PAGE));
                if (bit >= 0) {
                    long found = (index << PAGE_SHIFT) | bit;
                    return Long.compareUnsigned(found, to) <= 0 ? found : NONE;
                }
            }
            long nextPage = (index + 1) << PAGE_SHIFT;
            if (nextPage == 0) {
                return NONE;
            }
            position = nextPage;
        }
        return NONE;
    }

    /** The bits held in memory, used or not (for tests and benchmarks). */
    long bitsInMemory() {
        return (long) pages.size() * pageWords * 64;
    }

    /** The number of pages holding memory (for tests and benchmarks). */
    int pageCount() {
        return pages.size();
    }

    private static final class Page {
        final long[] words;
        int used;

        Page(int words) {
            this.words = new long[words];
        }

        boolean isSet(int bit) {
            return (words[bit >>> 6] & (1L << bit)) != 0;
        }

        boolean set(int bit) {
            long mask = 1L << bit;
            int word = bit >>> 6;
            if ((words[word] & mask) != 0) {
                return false;
            }
            words[word] |= mask;
            used++;
            return true;
        }

        boolean clear(int bit) {
            long mask = 1L << bit;
            int word = bit >>> 6;
            if ((words[word] & mask) == 0) {
                return false;
            }
            words[word] &= ~mask;
            used--;
            return true;
        }

        int nextClear(int from) {
            int word = from >>> 6;
            long free = ~words[word] & (-1L << from);
            while (free == 0) {
                if (++word == words.length) {
                    return -1;
                }
                free = ~words[word];
            }
            return word * 64 + Long.numberOfTrailingZeros(free);
        }
    }
}
