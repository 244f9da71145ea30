package io.hookgate.ops;

import io.hookgate.secrets.SecretsConfig;
import io.hookgate.tenant.AdminConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** Refuses to start a packaged run that {@link LaunchPolicy} rejects, before any other startup work. */
@ApplicationScoped
public class LaunchGuard {

    private final AdminConfig admin;
    private final SecretsConfig secrets;
    private final Config config;

    public LaunchGuard(AdminConfig admin, SecretsConfig secrets, Config config) {
        this.admin = admin;
        this.secrets = secrets;
        this.config = config;
    }

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        List<String> problems = LaunchPolicy.problems(new LaunchPolicy.Launch(LaunchMode.current(),
                ConfigUtils.getProfiles(), admin.apiKey(), secrets.masterKey(),
                config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false),
                config.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class)
                        .filter(value -> !value.isBlank()).isPresent()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Hookgate refuses to start: " + String.join("; ", problems));
        }
    }
}
