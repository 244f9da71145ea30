package io.hookgate.event;

import java.util.Objects;

/** Outcome of validating one chat event: a {@link Valid} event or an {@link Invalid} reason. */
public sealed interface ParseResult {

    /** A chat event that satisfies the contract. */
    record Valid(ChatEvent event) implements ParseResult {
        public Valid {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A rejected value.
     *
     * @param reasonCode one of the codes in {@link ChatEventParser}; stable, used as the
     *     {@code hookgate-error} DLQ header
     * @param field the offending top-level field (e.g. {@code channel}), or null when the whole
     *     document is at fault
     * @param detail human-readable, at most {@link #MAX_DETAIL} chars, never more than a short
     *     snippet of the input
     */
    record Invalid(String reasonCode, String field, String detail) implements ParseResult {

        /** Maximum length of {@link #detail()}, matching the {@code hookgate-error-detail} header. */
        public static final int MAX_DETAIL = 512;

        public Invalid {
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(detail, "detail");
            detail = Text.truncate(detail, MAX_DETAIL);
        }

        /** True when the document as a whole is at fault (encoding, syntax, size, shape), not one field. */
        public boolean documentLevel() {
            return field == null;
        }

        /** A document-level rejection (no single field at fault). */
        public Invalid(String reasonCode, String detail) {
            this(reasonCode, null, detail);
        }
    }
}
