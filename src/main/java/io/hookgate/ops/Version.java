package io.hookgate.ops;

import org.eclipse.microprofile.config.ConfigProvider;

/** The running version (the Maven project version), as sent in the user-agent of every outbound request. */
public final class Version {

    public static final String VERSION = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.version", String.class).orElse("dev");
    public static final String USER_AGENT = "Hookgate/" + VERSION;

    private Version() {
    }
}
