package io.hookgate.pull.wake;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the LISTEN connection goes: the application's own datasource, under a name operators can find. */
@ApplicationScoped
public class ListenerConnection {

    /** {@code pg_stat_activity.application_name} of the LISTEN connection. */
    public static final String APPLICATION_NAME = "hookgate-pull-listener";

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> sslMode;

    public ListenerConnection(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.sslMode = sslMode;
    }

    PgConnectOptions options() {
        // the reactive URL may list several hosts and carry Quarkus's prefix; the listener needs the first one
        String first = url.split(",")[0].strip().replaceFirst("^vertx-reactive:", "");
        PgConnectOptions options = PgConnectOptions.fromUri(first);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        sslMode.ifPresent(mode -> options.setSslMode(SslMode.of(mode)));
        options.addProperty("application_name", APPLICATION_NAME);
        return options;
    }
}
