package io.hookgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WellKnownKeysTest {

    @Test
    void everyAdminKeyTheJarCarriesIsWellKnown() throws IOException {
        List<String> carried;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            carried = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.matches("%[a-z]+\\.hookgate\\.admin\\.api-key=.*"))
                    .map(line -> line.substring(line.indexOf('=') + 1)).toList();
        }
        assertThat(carried).isNotEmpty().allSatisfy(key -> assertThat(WellKnownKeys.isPublishedAdminKey(key))
                .as("%s is refused by a packaged run", key).isTrue());
    }

    @Test
    void randomKeysAreNotWellKnownAndMalformedMasterKeysAreLeftToMasterKeys() {
        assertThat(WellKnownKeys.isPublishedAdminKey("test-admin-key-0123456789abcdeF")).isFalse();
        assertThat(WellKnownKeys.isPublishedAdminKey(null)).isFalse();
        assertThat(WellKnownKeys.isPublishedMasterKey("3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=")).isFalse();
        assertThat(WellKnownKeys.isPublishedMasterKey("not base64!")).isFalse();
    }
}
