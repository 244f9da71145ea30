package io.hookgate.inbound.verify;

import io.hookgate.inbound.secret.KeySlot;
import java.util.Objects;
import java.util.Optional;

/** The outcome of verifying one inbound request: {@link Verified} or {@link Rejected}. */
public sealed interface Verification {

    /**
     * An authentic request.
     *
     * @param slot which secret matched (the previous one only during a rotation overlap)
     * @param event the raw event name from the request's event header, if the type has one
     * @param deliveryId the sender's delivery id, if the request carries one (the replay-dedupe key)
     */
    record Verified(KeySlot slot, Optional<String> event, Optional<String> deliveryId) implements Verification {
        public Verified {
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(deliveryId, "deliveryId");
        }

        /** Verified with {@code slot}, no event and no delivery id yet. */
        static Verified by(KeySlot slot) {
            return new Verified(slot, Optional.empty(), Optional.empty());
        }
    }

    /** A request that failed a check; nothing may be produced for it. */
    record Rejected(RejectReason reason) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The metric label: {@code verified} or the rejection reason's label. */
    default String label() {
        return this instanceof Rejected r ? r.reason().label() : "verified";
    }
}
