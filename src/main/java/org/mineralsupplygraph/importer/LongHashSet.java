package org.mineralsupplygraph.importer;

/**
 * A set of 64-bit hashes with open addressing: relationship ids of a document of millions of relationships checked for
 * duplicates in 16 bytes each. Two different ids share a 64-bit hash with a probability of about n^2 / 2^65 (one in a
 * million for five million ids); such a pair would be reported as a duplicate.
 */
final class LongHashSet {

    private long[] slots = new long[1 << 16];
    private boolean hasZero;
    private int size;

    /** Adds a hash; returns false when it was there already. */
    boolean add(long hash) {
        if (hash == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (mix(hash) & mask);
        while (slots[i] != 0) {
            if (slots[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = hash;
        size++;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) (mix(h) & mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = h;
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** 64-bit FNV-1a over the string's characters. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
