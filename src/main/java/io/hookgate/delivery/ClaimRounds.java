package io.hookgate.delivery;

import java.util.function.IntSupplier;

/**
 * When the dispatcher runs a claim round. A round has a reason (a poll, fresh rows left to the store, a lane or
 * tenant that can start again, a full claim) or is only a freed slot. A freed slot claims only while no claim has
 * come back short since the last reason, and never queues a round behind a running claim: that claim's answer says
 * whether more is due. Without that, every attempt ending during a claim bought another claim that walked a
 * skipped lane's backlog for nothing, back to back.
 */
final class ClaimRounds {

    private boolean claiming;
    private boolean again;
    private boolean dueRowsLikely = true;

    /** A round is wanted; {@code reason}: for more than a freed slot. True when a claim should start now. */
    synchronized boolean begin(boolean reason) {
        if (reason) {
            dueRowsLikely = true;
        } else if (!dueRowsLikely) {
            return false;
        }
        if (claiming) {
            again |= reason;
            return false;
        }
        claiming = true;
        return true;
    }

    /** Whether a freed slot is worth a round now. */
    synchronized boolean dueRowsLikely() {
        return dueRowsLikely;
    }

    /**
     * The claim leased {@code claimed} of {@code room} rows and the lanes turned {@code declined} down. True when
     * another round should run at once: the claim was full, or a reason came while it ran.
     */
    synchronized boolean claimed(int claimed, int room, int declined) {
        // rows turned down stay due, so a freed slot should claim again
        if (claimed < room && declined == 0) {
            dueRowsLikely = false;
        }
        return ended() || claimed >= room;
    }

    /**
     * The claim leased {@code claimed} of {@code room} rows, which {@code offer} hands to the lanes (returning how
     * many they turned down); answers as {@link #claimed}. A throwing {@code offer} still ends the round: otherwise
     * every later round would wait behind a claim that never answers. Its rows come back when their leases expire.
     */
    boolean settle(int claimed, int room, IntSupplier offer) {
        int declined;
        try {
            declined = offer.getAsInt();
        } catch (RuntimeException e) {
            ended();
            throw e;
        }
        return claimed(claimed, room, declined);
    }

    /** The round ended without an answer (no room, or the claim failed). True when a reason came meanwhile. */
    synchronized boolean ended() {
        claiming = false;
        boolean more = again;
        again = false;
        return more;
    }
}
