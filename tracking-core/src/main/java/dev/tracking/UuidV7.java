package dev.tracking;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Generates time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits. */
final class UuidV7 {

    private static final SecureRandom SEED = new SecureRandom();
    private static final long SALT = SEED.nextLong();

    private UuidV7() {
    }

    /** A new UUIDv7 for the current time. */
    static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A new UUIDv7 whose time part is {@code epochMillis}. */
    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long randA = random.nextLong() & 0x0FFFL;
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long lsb = ((random.nextLong() ^ SALT) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
