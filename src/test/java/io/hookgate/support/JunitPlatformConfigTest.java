package io.hookgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * JUnit reads only the first {@code junit-platform.properties} on the class path. A project file would shadow
 * quarkus-junit's, silently turning off its test-class orderer (tests grouped by profile, so Quarkus restarts
 * once per profile) and extension autodetection. Project settings go into surefire's configurationParameters.
 */
class JunitPlatformConfigTest {

    @Test
    void quarkusJunitPlatformSettingsAreTheOnesInEffect() throws Exception {
        Properties effective = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("junit-platform.properties")) {
            assertThat(in).as("quarkus-junit's junit-platform.properties on the class path").isNotNull();
            effective.load(in);
        }

        assertThat(effective.getProperty("junit.jupiter.testclass.order.default"))
                .isEqualTo("io.quarkus.test.junit.util.QuarkusTestProfileAwareClassOrderer");
        assertThat(effective.getProperty("junit.jupiter.extensions.autodetection.enabled")).isEqualTo("true");
    }
}
