package io.hookgate.secrets;

import java.time.Instant;

/**
 * The sealed secrets of a row (a subscription or an inbound source) after a rotation: the new current one, and the
 * one being retired with the time it stops being accepted.
 */
public record SecretSlots(SecretCipher.Sealed current, SecretCipher.Sealed previous, Instant previousExpiresAt) {
}
