package io.hookgate.inbound.secret;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A source's current secret and, during a rotation overlap, its previous one.
 *
 * @param current the secret that always verifies
 * @param previous the secret before the last rotation, or null
 * @param previousValidUntil the first instant at which {@code previous} no longer verifies; null iff no previous
 */
public record SourceKeys(SourceSecret current, SourceSecret previous, Instant previousValidUntil) {

    public SourceKeys {
        Objects.requireNonNull(current, "current");
        if ((previous == null) != (previousValidUntil == null)) {
            throw new IllegalArgumentException("previous and previousValidUntil go together");
        }
        if (previous != null && previous.type() != current.type()) {
            throw new IllegalArgumentException("previous secret is for another source type");
        }
    }

    /** Only a current secret (no rotation in progress). */
    public static SourceKeys of(SourceSecret current) {
        return new SourceKeys(current, null, null);
    }

    /** One secret that may verify a request, with its slot. */
    public record Candidate(KeySlot slot, SourceSecret secret) {
    }

    /** The secrets that verify at {@code now}: the current one first, then the previous one before its expiry. */
    public List<Candidate> active(Instant now) {
        Candidate first = new Candidate(KeySlot.CURRENT, current);
        if (previous != null && now.isBefore(previousValidUntil)) {
            return List.of(first, new Candidate(KeySlot.PREVIOUS, previous));
        }
        return List.of(first);
    }
}
