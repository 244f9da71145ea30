package io.hookgate.inbound.eventyay;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.event.ChatEventParser;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventyayIntakeTest {

    private static final String EVENT = "{\"message_id\":4711,\"channel\":\"room-1\","
            + "\"timestamp\":\"2026-11-22T10:15:30Z\",\"message_type\":\"text\",\"message\":\"hello\","
            + "\"screen_name\":\"Ada\",\"sender_id\":\"u-17\",\"meta\":{}}";

    private final EventyayIntake intake = new EventyayIntake(new ChatEventParser());

    @Test
    void validEventForAnAllowedChannelIsAccepted() {
        EventyayIntake.Outcome outcome = intake.check(bytes(EVENT), Set.of("room-0", "room-1"));

        assertThat(outcome).isInstanceOfSatisfying(EventyayIntake.Outcome.Accepted.class, a -> {
            assertThat(a.event().channel()).isEqualTo("room-1");
            assertThat(a.event().rawJson()).isEqualTo(EVENT);
        });
        assertThat(outcome.status()).isEqualTo(202);
    }

    @Test
    void validEventForAnotherChannelIsForbidden() {
        EventyayIntake.Outcome outcome = intake.check(bytes(EVENT), Set.of("room-2"));

        assertThat(outcome).isEqualTo(new EventyayIntake.Outcome.ChannelNotAllowed("room-1"));
        assertThat(outcome.status()).isEqualTo(403);
    }

    @Test
    void bodyThatIsNotAChatEventIsUnprocessableWithTheParsersReason() {
        EventyayIntake.Outcome outcome = intake.check(bytes("{\"channel\":\"room-1\"}"), Set.of("room-1"));

        assertThat(outcome).isInstanceOfSatisfying(EventyayIntake.Outcome.InvalidEvent.class,
                i -> assertThat(i.invalid().reasonCode()).isEqualTo(ChatEventParser.MISSING_FIELD));
        assertThat(outcome.status()).isEqualTo(422);
    }

    @Test
    void invalidEventIsUnprocessableEvenForANonAllowedChannel() {
        EventyayIntake.Outcome outcome = intake.check(bytes("not json"), Set.of());

        assertThat(outcome.status()).isEqualTo(422);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
