package io.hookgate.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChallengeResponseCheckTest {

    private static final String TOKEN = "tok_AbC-123_xyz";

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "200 | application/json                | {\"challenge\":\"tok_AbC-123_xyz\"}               | PASS",
        "200 | application/json; charset=utf-8 | {\"challenge\":\"tok_AbC-123_xyz\",\"x\":1}      | PASS",
        "204 | Application/JSON                | { \"challenge\" : \"tok_AbC-123_xyz\" }           | PASS",
        "200 | text/plain                      | tok_AbC-123_xyz                                   | PASS",
        "200 | text/plain; charset=utf-8       | 'tok_AbC-123_xyz\n'                               | PASS",
        "200 | text/plain                      | 'tok_AbC-123_xyz\r\n'                             | PASS",
        "200 | text/plain                      | ' tok_AbC-123_xyz'                                | mismatch",
        "200 | text/plain                      | tok_AbC-123_xy                                    | mismatch",
        "200 | application/json                | {\"challenge\":\"other\"}                          | mismatch",
        "200 | application/json                | {\"challenge\":\"tok_AbC-123_xyz\"} trailing       | invalid_response",
        "200 | application/json                | {\"challenge\":\"a\",\"challenge\":\"tok_AbC-123_xyz\"} | invalid_response",
        "200 | application/json                | [\"tok_AbC-123_xyz\"]                              | invalid_response",
        "200 | application/json                | {\"challenge\":42}                                 | invalid_response",
        "200 | application/json                | \"tok_AbC-123_xyz\"                                | invalid_response",
        "200 | text/html                       | tok_AbC-123_xyz                                   | invalid_response",
        "200 | NULL                            | tok_AbC-123_xyz                                   | invalid_response",
        "302 | text/plain                      | tok_AbC-123_xyz                                   | status_302",
        "404 | application/json                | {\"challenge\":\"tok_AbC-123_xyz\"}               | status_404",
        "500 | text/plain                      | ''                                                | status_500",
    })
    void onlyASuccessfulEchoOfTheExactTokenPasses(int status, String contentType, String body, String expected) {
        String unescaped = body.replace("\\n", "\n").replace("\\r", "\r");
        Optional<String> failure = ChallengeResponseCheck.failure(status, contentType,
                unescaped.getBytes(StandardCharsets.UTF_8), TOKEN);

        assertThat(failure.orElse("PASS")).isEqualTo(expected);
    }

    @Test
    void bodyThatIsNotUtf8IsAnInvalidResponse() {
        byte[] body = {(byte) 0xff, (byte) 0xfe, 't'};

        assertThat(ChallengeResponseCheck.failure(200, "text/plain", body, TOKEN)).contains("invalid_response");
    }
}
