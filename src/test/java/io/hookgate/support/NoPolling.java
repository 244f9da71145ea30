package io.hookgate.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Without the dispatcher's fallback timer nothing claims rows a test leaves due, so their state can be read. */
public class NoPolling implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hookgate.delivery.poll-interval", "1h");
    }
}
