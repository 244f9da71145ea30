package io.hookgate.ops;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Flyway serialises replicas that migrate at once with a PostgreSQL advisory lock. Held in a transaction (Flyway's
 * default), it makes a {@code CREATE INDEX CONCURRENTLY} migration (V5) wait forever for that very transaction; a
 * session lock serialises replicas just as well (flyway/flyway#3508).
 */
@Singleton
public class FlywaySessionLock implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    }
}
