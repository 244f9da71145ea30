package io.hookgate.inbound.secret;

/** Which of a source's secrets verified a request; the previous one only during a rotation overlap. */
public enum KeySlot {
    CURRENT,
    PREVIOUS
}
