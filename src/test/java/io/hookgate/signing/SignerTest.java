package io.hookgate.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignerTest {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    private final StandardWebhooksSigner standard = new StandardWebhooksSigner();
    private final EventyaySigner eventyay = new EventyaySigner();
    private final SecureRandom random = new SecureRandom();

    @Test
    void rotationHeaderIsNewestFirstJoinedBySingleSpace() {
        WebhookSecret newer = WebhookSecret.generate(random);
        WebhookSecret older = WebhookSecret.generate(random);

        String both = standard.signatureHeader("msg_1", 1700000000L, BODY, List.of(newer, older));

        assertThat(both).isEqualTo(standard.signatureHeader("msg_1", 1700000000L, BODY, List.of(newer))
                + " " + standard.signatureHeader("msg_1", 1700000000L, BODY, List.of(older)));
        assertThat(both).matches("v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=");
    }

    @Test
    void signatureDependsOnIdTimestampAndBody() {
        List<WebhookSecret> key = List.of(WebhookSecret.generate(random));
        String base = standard.signatureHeader("msg_1", 1700000000L, BODY, key);

        assertThat(standard.signatureHeader("msg_2", 1700000000L, BODY, key)).isNotEqualTo(base);
        assertThat(standard.signatureHeader("msg_1", 1700000001L, BODY, key)).isNotEqualTo(base);
        assertThat(standard.signatureHeader("msg_1", 1700000000L, "{\"a\":2}".getBytes(), key)).isNotEqualTo(base);
    }

    @Test
    void signerRejectsMissingKeysAndBadArguments() {
        List<WebhookSecret> key = List.of(WebhookSecret.generate(random));
        assertThatThrownBy(() -> standard.signatureHeader("msg", 1L, BODY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.signatureHeader("", 1L, BODY, key))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.signatureHeader("msg", -1L, BODY, key))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventyayKeyIsTheSecretTextNotTheDecodedKey() {
        WebhookSecret whsec = WebhookSecret.generate(random);
        String withDecodedKey = "sha256=" + HexFormat.of().formatHex(HmacSha256.mac(whsec.keyBytes(), BODY));
        String withText = "sha256=" + HexFormat.of().formatHex(
                HmacSha256.mac(whsec.text().getBytes(StandardCharsets.UTF_8), BODY));

        assertThat(eventyay.header(whsec, BODY)).matches("sha256=[0-9a-f]{64}").isEqualTo(withText)
                .isNotEqualTo(withDecodedKey);
    }

    @Test
    void concurrentSigningGivesTheSameResultAsSequential() throws Exception {
        List<WebhookSecret> keys = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            keys.add(WebhookSecret.generate(random));
        }
        List<String> expected = keys.stream()
                .map(k -> standard.signatureHeader("msg", 1L, BODY, List.of(k)) + eventyay.header(k, BODY))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        int i = round % keys.size();
                        String got = standard.signatureHeader("msg", 1L, BODY, List.of(keys.get(i)))
                                + eventyay.header(keys.get(i), BODY);
                        if (!got.equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
