package io.hookgate.secrets;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import org.jboss.logging.Logger;

/** Wires {@link SecretCipher} from {@link SecretsConfig} and fails the boot on a missing or malformed key. */
@ApplicationScoped
public class SecretsProducer {

    private static final Logger LOG = Logger.getLogger(SecretsProducer.class);

    @Produces
    @Singleton
    SecretCipher secretCipher(SecretsConfig config) {
        MasterKeys.Ring ring = MasterKeys.resolve(config, LaunchMode.current());
        if (ring.devOnly()) {
            LOG.warn("!!! hookgate.secrets.master-key is not set: subscription secrets are encrypted with the"
                    + " PUBLIC dev-only key (version 0). This is allowed only in dev and test mode;"
                    + " never use this database in production !!!");
        } else {
            LOG.infof("Secrets at rest: master key version %d, %d older version(s) kept for opening",
                    ring.currentVersion(), ring.keysByVersion().size() - 1);
        }
        return new SecretCipher(ring.currentVersion(), ring.keysByVersion(), new SecureRandom());
    }

    // Resolving the cipher at boot turns a missing or malformed master key into a refused start, not a 500 later.
    void validateAtStartup(@Observes StartupEvent event, SecretCipher cipher) {
        cipher.currentKeyVersion();
    }
}
