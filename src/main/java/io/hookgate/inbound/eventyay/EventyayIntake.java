package io.hookgate.inbound.eventyay;

import io.hookgate.event.ChatEvent;
import io.hookgate.event.ChatEventParser;
import io.hookgate.event.ParseResult;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified eventyay POST becomes (contract section 12): its body must be a valid chat event (section 2),
 * else {@code 422}, for one of the source's {@code channels}, else {@code 403}. An accepted event is produced to
 * {@code chat.events} unchanged (key: its channel) and deduplicated through its event id.
 */
public final class EventyayIntake {

    private final ChatEventParser parser;

    public EventyayIntake(ChatEventParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** The outcome for one verified body. */
    public sealed interface Outcome {
        /** The HTTP status the ingest endpoint answers (202 once the broker acknowledged an accepted event). */
        int status();

        /** A valid chat event for an allowed channel. */
        record Accepted(ChatEvent event) implements Outcome {
            @Override
            public int status() {
                return 202;
            }
        }

        /** Not a valid chat event: the parser's reason code and client-safe detail. */
        record InvalidEvent(ParseResult.Invalid invalid) implements Outcome {
            @Override
            public int status() {
                return 422;
            }
        }

        /** A valid event for a channel outside the source's {@code channels}. */
        record ChannelNotAllowed(String channel) implements Outcome {
            @Override
            public int status() {
                return 403;
            }
        }
    }

    /** Checks {@code body} (already verified) against section 2 and the source's channels. */
    public Outcome check(byte[] body, Set<String> channels) {
        ParseResult result = parser.parse(body);
        if (result instanceof ParseResult.Invalid invalid) {
            return new Outcome.InvalidEvent(invalid);
        }
        ChatEvent event = ((ParseResult.Valid) result).event();
        return channels.contains(event.channel()) ? new Outcome.Accepted(event)
                : new Outcome.ChannelNotAllowed(event.channel());
    }
}
