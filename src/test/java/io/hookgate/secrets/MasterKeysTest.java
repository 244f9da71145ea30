package io.hookgate.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MasterKeysTest {

    private static final String KEY_A = base64Key(1);
    private static final String KEY_B = base64Key(2);

    @Test
    void defaultsAreVersionOneNoPreviousKeysAnd24hOverlap() {
        SecretsConfig config = config(Map.of());

        assertThat(config.masterKey()).isEmpty();
        assertThat(config.masterKeyVersion()).isEqualTo(1);
        assertThat(config.previousMasterKeys()).isEmpty();
        assertThat(config.rotationOverlap()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void productionWithoutMasterKeyRefusesToStart() {
        assertThatThrownBy(() -> MasterKeys.resolve(config(Map.of()), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hookgate.secrets.master-key")
                .hasMessageContaining("HOOKGATE_SECRETS_MASTER_KEY");
    }

    @Test
    void productionWithBlankMasterKeyRefusesToStart() {
        SecretsConfig blank = config(Map.of("hookgate.secrets.master-key", " "));
        assertThatThrownBy(() -> MasterKeys.resolve(blank, LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = {"DEVELOPMENT", "TEST"})
    void devAndTestWithoutMasterKeyUseTheDevOnlyKeyAsVersionZero(LaunchMode mode) {
        MasterKeys.Ring ring = MasterKeys.resolve(config(Map.of()), mode);

        assertThat(ring.devOnly()).isTrue();
        assertThat(ring.currentVersion()).isEqualTo(MasterKeys.DEV_ONLY_VERSION);
        assertThat(ring.keysByVersion().get(0)).isEqualTo(Base64.getDecoder().decode(MasterKeys.DEV_ONLY_KEY));
    }

    @Test
    void configuredKeyIsUsedUnderItsVersion() {
        MasterKeys.Ring ring = MasterKeys.resolve(config(Map.of(
                "hookgate.secrets.master-key", KEY_A, "hookgate.secrets.master-key-version", "3")), LaunchMode.NORMAL);

        assertThat(ring.devOnly()).isFalse();
        assertThat(ring.currentVersion()).isEqualTo(3);
        assertThat(ring.keysByVersion()).containsOnlyKeys(3);
        assertThat(ring.keysByVersion().get(3)).isEqualTo(Base64.getDecoder().decode(KEY_A));
    }

    @Test
    void previousMasterKeysStayAvailableForOpening() {
        SecretsConfig config = config(Map.of(
                "hookgate.secrets.master-key", KEY_B,
                "hookgate.secrets.master-key-version", "2",
                "hookgate.secrets.previous-master-keys.\"1\"", KEY_A));
        MasterKeys.Ring ring = MasterKeys.resolve(config, LaunchMode.NORMAL);
        SecretCipher old = new SecretCipher(1, Base64.getDecoder().decode(KEY_A), new SecureRandom());
        SecretCipher.Sealed sealed = old.seal(new byte[] {42}, "row");

        SecretCipher cipher = new SecretCipher(ring.currentVersion(), ring.keysByVersion(), new SecureRandom());

        assertThat(ring.keysByVersion()).containsOnlyKeys(1, 2);
        assertThat(cipher.open(sealed, "row")).containsExactly(42);
    }

    @Test
    void malformedBase64IsRejectedWithoutEchoingIt() {
        String bad = "not*base64*at*all*secretish";
        SecretsConfig config = config(Map.of("hookgate.secrets.master-key", bad));
        assertThatThrownBy(() -> MasterKeys.resolve(config, LaunchMode.TEST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base64")
                .message().doesNotContain("secretish");
    }

    @Test
    void keyOfWrongLengthIsRejectedEvenInDevMode() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKeys.resolve(
                config(Map.of("hookgate.secrets.master-key", shortKey)), LaunchMode.DEVELOPMENT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly 32 bytes, got 16");
    }

    @Test
    void versionBelowOneIsRejected() {
        assertThatThrownBy(() -> MasterKeys.resolve(config(Map.of(
                "hookgate.secrets.master-key", KEY_A, "hookgate.secrets.master-key-version", "0")), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 or greater");
    }

    @Test
    void currentVersionReusedAsPreviousVersionIsRejected() {
        assertThatThrownBy(() -> MasterKeys.resolve(config(Map.of(
                "hookgate.secrets.master-key", KEY_B,
                "hookgate.secrets.previous-master-keys.\"1\"", KEY_A)), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("new version");
    }

    private static SecretsConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(SecretsConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(SecretsConfig.class);
    }

    private static String base64Key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return Base64.getEncoder().encodeToString(key);
    }
}
