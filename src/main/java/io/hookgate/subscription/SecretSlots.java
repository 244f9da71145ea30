package io.hookgate.subscription;

import io.hookgate.secrets.SecretCipher;
import java.time.Instant;

/** The sealed secrets of a subscription after a rotation: the new current one and the one being retired. */
public record SecretSlots(SecretCipher.Sealed current, SecretCipher.Sealed previous, Instant previousExpiresAt) {
}
