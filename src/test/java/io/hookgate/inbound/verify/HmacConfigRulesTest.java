package io.hookgate.inbound.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.inbound.verify.HmacConfigRules.FieldError;
import io.hookgate.inbound.verify.HmacConfigRules.Result;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacConfigRulesTest {

    @Test
    void completeConfigIsValid() {
        Result result = HmacConfigRules.validate("X-Queue-Signature", "sha512", "base64", "sha512=",
                "X-Queue-Delivery");

        assertThat(result).isEqualTo(new Result.Valid(new HmacConfig("X-Queue-Signature", HmacAlgorithm.SHA512,
                SignatureEncoding.BASE64, "sha512=", Optional.of("X-Queue-Delivery"))));
    }

    @Test
    void prefixAndDeliveryIdHeaderAreOptional() {
        Result result = HmacConfigRules.validate("X-Signature", "sha256", "hex", null, null);

        assertThat(result).isEqualTo(new Result.Valid(new HmacConfig("X-Signature", HmacAlgorithm.SHA256,
                SignatureEncoding.HEX, "", Optional.empty())));
    }

    @Test
    void everyBrokenFieldIsReportedAtOnceInFieldOrder() {
        Result result = HmacConfigRules.validate(null, "md5", "base32", " sig", "X Delivery");

        assertThat(result).isInstanceOfSatisfying(Result.Invalid.class, invalid -> assertThat(invalid.errors())
                .extracting(FieldError::field).containsExactly("hmac.header", "hmac.algorithm", "hmac.encoding",
                        "hmac.prefix", "hmac.delivery_id_header"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Signature", "X-Sig:nature", "X-Signatüre", "X-Sig\nnature", "(X)",
        "X-Very-Long-Header-Name-That-Goes-On-And-On-Beyond-Sixty-Four-Chars", "Host", "content-length",
        "Transfer-Encoding", "Connection", "X-Forwarded-For", "Cookie"})
    void headerNameOutsideTheRulesIsRejected(String header) {
        assertThat(errorsFor(header, "sha256", "hex", null, null)).containsExactly("hmac.header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Signature", "x-hub-signature-256", "Signature", "X_Sig.1~", "Authorization"})
    void ordinaryHeaderNamesAreAccepted(String header) {
        assertThat(errorsFor(header, "sha256", "hex", null, null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"SHA256|hex", "sha1|hex", "sha-256|hex", "sha256|HEX", "sha256|base64url"})
    void algorithmAndEncodingNamesAreExact(String algorithm, String encoding) {
        assertThat(errorsFor("X-Signature", algorithm, encoding, null, null)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {" sha256=", "sha256=\u0000", "préfixe", "123456789012345678901234567890123"})
    void prefixOutsideTheRulesIsRejected(String prefix) {
        assertThat(errorsFor("X-Signature", "sha256", "hex", prefix, null)).containsExactly("hmac.prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256=", "v1,", "Bearer ", "12345678901234567890123456789012", ""})
    void prefixWithinTheRulesIsAccepted(String prefix) {
        assertThat(errorsFor("X-Signature", "sha256", "hex", prefix, null)).isEmpty();
    }

    @Test
    void deliveryIdHeaderMustDifferFromTheSignatureHeader() {
        assertThat(errorsFor("X-Signature", "sha256", "hex", null, "x-signature"))
                .containsExactly("hmac.delivery_id_header");
    }

    @Test
    void messagesNeverEchoTheInput() {
        Result result = HmacConfigRules.validate("X-Secret-Looking\u0000Header", "secret-alg", "secret-enc", null,
                null);

        assertThat(((Result.Invalid) result).errors()).extracting(FieldError::message)
                .allSatisfy(m -> assertThat(m).doesNotContain("Secret-Looking", "secret-alg", "secret-enc"));
    }

    private static List<String> errorsFor(String header, String algorithm, String encoding, String prefix,
            String delivery) {
        Result result = HmacConfigRules.validate(header, algorithm, encoding, prefix, delivery);
        return result instanceof Result.Invalid invalid
                ? invalid.errors().stream().map(FieldError::field).toList() : List.of();
    }
}
