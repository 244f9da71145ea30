package io.hookgate.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.api.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionRulesTest {

    @Test
    void eventTypesAreDeduplicatedInRequestOrder() {
        SubscriptionRules rules = new SubscriptionRules();

        assertThat(rules.eventTypes(List.of("chat.reaction", "chat.message", "chat.reaction")))
                .containsExactly("chat.reaction", "chat.message");
        rules.throwIfInvalid();
    }

    @Test
    void pingIsNotSubscribable() {
        assertInvalid(rules -> rules.eventTypes(List.of("webhook.ping")), "event_types");
    }

    @Test
    void channelsMustBeNamedOrOmitted() {
        assertThat(new SubscriptionRules().channels(null)).isNull();
        assertInvalid(rules -> rules.channels(List.of()), "channels");
        assertInvalid(rules -> rules.channels(List.of("*")), "channels");
        assertInvalid(rules -> rules.channels(List.of("x".repeat(129))), "channels");
        assertInvalid(rules -> rules.channels(Arrays.asList("room", null)), "channels");
        assertThat(new SubscriptionRules().channels(List.of("x".repeat(128)))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\there", "\u202Aembed", "\u202Eoverride", "\u2066isolate",
        "\u2069pop", "bell\u0007", "c1\u0085"})
    void descriptionWithControlOrBidiCharactersIsRejected(String description) {
        assertInvalid(rules -> rules.description(description), "description");
    }

    @Test
    void descriptionLengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(512);
        assertThat(new SubscriptionRules().description(emoji)).isEqualTo(emoji);
        assertInvalid(rules -> rules.description("a".repeat(513)), "description");
    }

    @Test
    void formatDefaultsToStandard() {
        assertThat(new SubscriptionRules().format(null)).isEqualTo("standard");
        assertInvalid(rules -> rules.format("json"), "format");
    }

    @Test
    void invalidSecretMessageNeverContainsTheSecret() {
        String secret = "short-secret-value";
        SubscriptionRules rules = new SubscriptionRules();
        rules.secret(secret);

        assertThatThrownBy(rules::throwIfInvalid).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("secret");
                assertThat(error.message()).doesNotContain(secret);
            });
        });
    }

    private static void assertInvalid(Consumer<SubscriptionRules> check, String field) {
        SubscriptionRules rules = new SubscriptionRules();
        check.accept(rules);
        assertThatThrownBy(rules::throwIfInvalid).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.errors()).extracting(ProblemException.FieldError::field).containsExactly(field);
        });
    }
}
