package io.hookgate.ops;

import io.hookgate.tenant.AdminKeyPolicy;
import io.quarkus.runtime.LaunchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the packaged jar refuses to start with, in every profile. {@code ./mvnw quarkus:dev} and the test suite
 * (launch modes DEVELOPMENT and TEST) use the published dev and test keys on purpose and are not checked. The
 * dev and test profiles themselves are refused in a packaged run: they carry a published admin key and loopback
 * egress. Loopback egress for a packaged run comes only from explicit settings (deploy/local/run passes them),
 * never from a profile, so starting the jar with a profile name alone can never open it.
 */
public final class LaunchPolicy {

    private static final List<String> SOURCE_PROFILES = List.of("dev", "test");

    /** The launch as the policy sees it; {@code masterKey} is the current one (older keys may be published). */
    public record Launch(LaunchMode mode, List<String> profiles, Optional<String> adminKey,
            Optional<String> masterKey, boolean proxyAddressForwarding, boolean trustedProxiesSet) {
    }

    private LaunchPolicy() {
    }

    /** Every reason not to start, in a sentence each; empty when the launch is acceptable. */
    public static List<String> problems(Launch launch) {
        if (launch.mode() != LaunchMode.NORMAL) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        launch.profiles().stream().filter(SOURCE_PROFILES::contains).forEach(profile -> problems.add(
                "the packaged jar does not run the '" + profile + "' profile: its settings (a published admin"
                + " key, http and loopback egress) are for ./mvnw quarkus:dev and the test suite only; run the"
                + " default prod profile, or deploy/local/run for a local setup"));
        AdminKeyPolicy.problem(launch.adminKey()).ifPresent(problems::add);
        if (launch.adminKey().filter(WellKnownKeys::isPublishedAdminKey).isPresent()) {
            problems.add("HOOKGATE_ADMIN_API_KEY is a key published in the Hookgate repository; generate your own,"
                    + " e.g. `openssl rand -hex 32`");
        }
        if (launch.masterKey().filter(WellKnownKeys::isPublishedMasterKey).isPresent()) {
            problems.add("HOOKGATE_SECRETS_MASTER_KEY is a key published in the Hookgate repository; generate your"
                    + " own with `openssl rand -base64 32` (keep the old one under"
                    + " hookgate.secrets.previous-master-keys to open rows sealed with it)");
        }
        if (launch.proxyAddressForwarding() && !launch.trustedProxiesSet()) {
            problems.add("quarkus.http.proxy.proxy-address-forwarding is on without"
                    + " quarkus.http.proxy.trusted-proxies, so any client could choose its address through"
                    + " X-Forwarded-For; list the addresses of your ingress (docs/OPERATIONS.md)");
        }
        return problems;
    }
}
