package io.hookgate.delivery;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * No breaker and small in-flight caps, so that isolation rests on the caps alone and a few dozen hanging URLs
 * are enough to exhaust the global budget if the per-tenant share were missing.
 */
public class TightCaps implements QuarkusTestProfile {

    static final int PER_ENDPOINT = 4;
    static final int PER_HOST = 16;
    static final int PER_TENANT = 32;
    static final int GLOBAL = 64;

    @Override
    public Map<String, String> getConfigOverrides() {
        // hanging requests outlive the test: a receiver notices a timed-out request's close late under load, so
        // a request replaced meanwhile would count twice and the cap would look exceeded when it was not
        return Map.of("hookgate.delivery.breaker.enabled", "false",
                "hookgate.delivery.timeout", "90s",
                "hookgate.delivery.lease", "120s",
                "hookgate.delivery.max-in-flight-per-endpoint", Integer.toString(PER_ENDPOINT),
                "hookgate.delivery.max-in-flight-per-host", Integer.toString(PER_HOST),
                "hookgate.delivery.max-in-flight-per-tenant", Integer.toString(PER_TENANT),
                "hookgate.delivery.max-in-flight", Integer.toString(GLOBAL));
    }
}
