package io.hookgate.secrets;

import java.util.UUID;

/**
 * The AES-GCM additional data of subscription secrets: it binds each ciphertext to its row and slot, so a sealed
 * secret copied to another row or slot fails to open. Sealing (subscription/) and opening (delivery/) share it.
 */
public final class SubscriptionAad {

    private SubscriptionAad() {
    }

    /** AAD of the current-secret slot. */
    public static String current(UUID subscriptionId) {
        return SealedTable.SUBSCRIPTIONS.currentAad(subscriptionId);
    }

    /** AAD of the previous-secret slot (kept during a rotation overlap). */
    public static String previous(UUID subscriptionId) {
        return SealedTable.SUBSCRIPTIONS.previousAad(subscriptionId);
    }
}
