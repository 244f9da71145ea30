package io.hookgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.LaunchMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchPolicyTest {

    private static final String ADMIN = "a-random-admin-key-of-forty-characters!!";
    private static final String MASTER = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=";

    @ParameterizedTest(name = "{0} {1} admin={2} master={3} forwarding={4} trusted={5} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "-", quoteCharacter = '"', textBlock = """
            NORMAL      | prod       | ok                                   | ok        | false | false | -
            NORMAL      | local      | ok                                   | ok        | false | false | -
            NORMAL      | dev        | ok                                   | ok        | false | false | run the 'dev' profile
            NORMAL      | test       | ok                                   | ok        | false | false | run the 'test' profile
            NORMAL      | prod,dev   | ok                                   | ok        | false | false | run the 'dev' profile
            NORMAL      | prod       | dev-admin-key-0123456789abcdef       | ok        | false | false | HOOKGATE_ADMIN_API_KEY is a key published
            NORMAL      | local      | test-admin-key-0123456789abcdef      | ok        | false | false | HOOKGATE_ADMIN_API_KEY is a key published
            NORMAL      | prod       | " it-admin-key-0123456789abcdefghij" | ok        | false | false | HOOKGATE_ADMIN_API_KEY is a key published
            NORMAL      | prod       | bench-admin-key-0123456789abcdefghij | ok        | false | false | HOOKGATE_ADMIN_API_KEY is a key published
            NORMAL      | local      | -                                    | ok        | false | false | is not set
            NORMAL      | local      | short                                | ok        | false | false | shorter than 24
            NORMAL      | prod       | ok                                   | dev-only  | false | false | HOOKGATE_SECRETS_MASTER_KEY is a key published
            NORMAL      | prod       | ok                                   | it        | false | false | HOOKGATE_SECRETS_MASTER_KEY is a key published
            NORMAL      | prod       | ok                                   | bench     | false | false | HOOKGATE_SECRETS_MASTER_KEY is a key published
            NORMAL      | prod       | ok                                   | ok        | true  | false | without quarkus.http.proxy.trusted-proxies
            NORMAL      | prod       | ok                                   | ok        | true  | true  | -
            DEVELOPMENT | dev        | dev-admin-key-0123456789abcdef       | dev-only  | true  | false | -
            TEST        | test       | test-admin-key-0123456789abcdef      | -         | false | false | -
            """)
    void packagedRunsRefusePublishedKeysAndTheSourceProfiles(LaunchMode mode, String profiles, String admin,
            String master, boolean forwarding, boolean trusted, String expected) {
        List<String> problems = LaunchPolicy.problems(new LaunchPolicy.Launch(mode,
                Arrays.asList(profiles.split(",")), Optional.ofNullable("ok".equals(admin) ? ADMIN : admin),
                Optional.ofNullable(masterKey(master)), forwarding, trusted));
        if (expected == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).hasSize(1).first().asString().contains(expected);
        }
    }

    private static String masterKey(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "ok" -> MASTER;
            case "dev-only" -> "aG9va2dhdGUtZGV2LW9ubHktSU5TRUNVUkUta2V5ISE=";
            // the same published key, spelled with surrounding whitespace
            case "it" -> " MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n";
            case "bench" -> "YmVuY2gtbWFzdGVyLWtleS0wMTIzNDU2Nzg5YWJjZGU=";
            default -> throw new IllegalArgumentException(name);
        };
    }
}
