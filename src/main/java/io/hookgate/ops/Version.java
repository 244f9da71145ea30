package io.hookgate.ops;

/** The running version, as sent in the user-agent of every outbound request. */
public final class Version {

    public static final String VERSION = "0.1.0";
    public static final String USER_AGENT = "Hookgate/" + VERSION;

    private Version() {
    }
}
