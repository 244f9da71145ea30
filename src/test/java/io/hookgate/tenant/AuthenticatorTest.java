package io.hookgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    @Test
    void acceptsExactlyOneBearerCredentialWithAnyCaseScheme() {
        assertThat(Authenticator.bearerToken(List.of("Bearer abc"))).contains("abc");
        assertThat(Authenticator.bearerToken(List.of("bearer abc"))).contains("abc");
        assertThat(Authenticator.bearerToken(List.of("BEARER abc"))).contains("abc");
    }

    @Test
    void rejectsEverythingElse() {
        for (List<String> header : List.<List<String>>of(List.of(), List.of("Bearer"), List.of("Bearer "), List.of("Bearer  abc"),
                List.of("Bearer abc "), List.of("Basic abc"), List.of("Bearerabc"), List.of("Bearer a", "Bearer b"),
                Arrays.asList((String) null))) {
            assertThat(Authenticator.bearerToken(header)).as("%s", header).isEmpty();
        }
        assertThat(Authenticator.bearerToken(null)).isEmpty();
    }
}
