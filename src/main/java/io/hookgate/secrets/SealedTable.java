package io.hookgate.secrets;

import java.util.UUID;

/**
 * The tables that keep sealed secrets in the same four columns (current and previous slot, each with its master-key
 * version), and the AAD that binds each ciphertext to its row and slot. The resealer walks all of them.
 */
public enum SealedTable {
    SUBSCRIPTIONS("subscriptions", "subscription"),
    INBOUND_SOURCES("inbound_sources", "source");

    private final String table;
    private final String aadPrefix;

    SealedTable(String table, String aadPrefix) {
        this.table = table;
        this.aadPrefix = aadPrefix;
    }

    public String table() {
        return table;
    }

    /** AAD of the current-secret slot of row {@code id}. */
    public String currentAad(UUID id) {
        return aadPrefix + ":" + id + ":current";
    }

    /** AAD of the previous-secret slot of row {@code id} (kept during a rotation overlap). */
    public String previousAad(UUID id) {
        return aadPrefix + ":" + id + ":previous";
    }
}
