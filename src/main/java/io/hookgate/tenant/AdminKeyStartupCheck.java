package io.hookgate.tenant;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses to start a production deployment without a usable admin key. */
@ApplicationScoped
public class AdminKeyStartupCheck {

    private final AdminConfig config;

    public AdminKeyStartupCheck(AdminConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.isProfileActive("prod")) {
            return;
        }
        AdminKeyPolicy.problem(config.apiKey()).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }
}
