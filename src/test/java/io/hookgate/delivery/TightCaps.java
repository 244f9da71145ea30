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
        return Map.of("hookgate.delivery.breaker.enabled", "false",
                "hookgate.delivery.max-in-flight-per-endpoint", Integer.toString(PER_ENDPOINT),
                "hookgate.delivery.max-in-flight-per-host", Integer.toString(PER_HOST),
                "hookgate.delivery.max-in-flight-per-tenant", Integer.toString(PER_TENANT),
                "hookgate.delivery.max-in-flight", Integer.toString(GLOBAL));
    }
}
