package io.netdock.dns;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Local answers kept in wire form while the {@link NameIndex} has not changed: the same query from the same querier
 * (same bytes after the ID: flags, question, EDNS) gets the stored reply with its own ID — no parsing, no records
 * built, no encoding. The addresses are still shuffled per answer, as Docker's: the records of an A or AAAA answer
 * differ only in their address (the owner name is the same compression pointer, the type, class, TTL and length
 * the same), so the stored reply's address fields are shuffled in the copy. Only replies that fit 512 bytes
 * untruncated are kept (then UDP and TCP get the same bytes); any change of the index empties the cache.
 */
final class AnswerCache {

    private static final int MAX_ENTRIES = 4096;
    private static final int HEADER = 12;
    /** Name pointer, type, class, TTL, RDLENGTH. */
    private static final int RECORD_FIXED = 12;

    private final NameIndex index;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private volatile long version = -1;

    AnswerCache(NameIndex index) {
        this.index = index;
    }

    /** The index's version to {@link #store} an answer resolved now under. */
    long version() {
        return index.version();
    }

    /** A fresh reply for the query, or null when none is kept. */
    byte[] reply(Querier querier, byte[] query) {
        if (version != index.version()) {
            return null;
        }
        Entry entry = entries.get(new Key(querier, query));
        if (entry == null || entry.version != index.version()) {
            return null;
        }
        byte[] reply = entry.wire.clone();
        reply[0] = query[0];
        reply[1] = query[1];
        if (entry.count > 1) {
            shuffle(reply, entry);
        }
        return reply;
    }

    /** Keeps a local answer resolved under {@code version} if its layout allows; a reply of a changed index is not. */
    void store(Querier querier, byte[] query, byte[] reply, long resolvedUnder, int rdataLength) {
        if (reply.length > 512 || (reply[2] & 0x02) != 0 || resolvedUnder != index.version()) {
            return;
        }
        int count = u16(reply, 6);
        if (count > 1 && (u16(reply, 8) != 0 || u16(reply, 10) != 0 || !uniform(reply, count, rdataLength))) {
            return;
        }
        if (version != resolvedUnder) {
            entries.clear();
            version = resolvedUnder;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Key key = new Key(querier, query.clone());
        entries.put(key, new Entry(reply.clone(), resolvedUnder, count, rdataLength));
    }

    /** Every answer record the same size, at the end, with a compressed owner and the expected data length. */
    private static boolean uniform(byte[] reply, int count, int rdataLength) {
        int stride = RECORD_FIXED + rdataLength;
        int first = reply.length - count * stride;
        if (rdataLength <= 0 || first < HEADER) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            int at = first + i * stride;
            if ((reply[at] & 0xC0) != 0xC0 || u16(reply, at + 10) != rdataLength) {
                return false;
            }
        }
        return true;
    }

    private static void shuffle(byte[] reply, Entry entry) {
        int stride = RECORD_FIXED + entry.rdataLength;
        int first = reply.length - entry.count * stride + RECORD_FIXED;
        byte[] swap = new byte[entry.rdataLength];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = entry.count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            if (i != j) {
                int a = first + i * stride;
                int b = first + j * stride;
                System.arraycopy(reply, a, swap, 0, swap.length);
                System.arraycopy(reply, b, reply, a, swap.length);
                System.arraycopy(swap, 0, reply, b, swap.length);
            }
        }
    }

    private static int u16(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }

    private record Entry(byte[] wire, long version, int count, int rdataLength) {
    }

    /** A querier and a query's bytes after its ID. */
    private static final class Key {
        private final Querier querier;
        private final byte[] query;
        private final int hash;

        Key(Querier querier, byte[] query) {
            this.querier = querier;
            this.query = query;
            int h = querier.hashCode();
            for (int i = 2; i < query.length; i++) {
                h = 31 * h + query[i];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && querier.equals(key.querier)
                    && Arrays.equals(query, 2, query.length, key.query, 2, key.query.length);
        }
    }
}
