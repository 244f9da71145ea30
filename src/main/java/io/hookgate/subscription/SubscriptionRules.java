package io.hookgate.subscription;

import io.hookgate.api.ProblemException;
import io.hookgate.api.ProblemException.FieldError;
import io.hookgate.api.TextRules;
import io.hookgate.signing.InvalidSecretException;
import io.hookgate.signing.WebhookSecret;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Field rules for subscription input. Each check records a field error instead of throwing, so one 422
 * lists every problem; {@link #throwIfInvalid()} raises it. Messages never echo secret values.
 */
final class SubscriptionRules {

    /** Event types a subscription may list; {@code webhook.ping} goes to every subscription implicitly. */
    static final Set<String> SUBSCRIBABLE = Set.of("chat.message", "chat.reaction");
    static final Set<String> FORMATS = Set.of(SubscriptionFormat.STANDARD.value(),
            SubscriptionFormat.EVENTYAY.value());
    static final Set<String> STATUSES = Set.of(SubscriptionStatus.ACTIVE.value(),
            SubscriptionStatus.DISABLED.value());
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_CHANNEL_LENGTH = 128;
    static final int MAX_CHANNELS = 1000;
    static final int MAX_DESCRIPTION_LENGTH = 512;

    private final List<FieldError> errors = new ArrayList<>();

    String url(String url) {
        if (url == null || url.isBlank()) {
            return fail("url", "url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return fail("url", "url must be at most " + MAX_URL_LENGTH + " characters");
        }
        return url;
    }

    /** The distinct event types in request order. */
    List<String> eventTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            return fail("event_types", "event_types must list at least one of " + sorted(SUBSCRIBABLE));
        }
        for (String type : eventTypes) {
            // Set.of(...).contains(null) throws: a null entry is a 422 like any other unknown type
            if (type == null || !SUBSCRIBABLE.contains(type)) {
                return fail("event_types", "event_types may contain only " + sorted(SUBSCRIBABLE)
                        + "; webhook.ping is delivered to every subscription without subscribing");
            }
        }
        return List.copyOf(new LinkedHashSet<>(eventTypes));
    }

    /** The distinct channels in request order; null (all channels) stays null. */
    List<String> channels(List<String> channels) {
        if (channels == null) {
            return null;
        }
        if (channels.isEmpty() || channels.size() > MAX_CHANNELS) {
            return fail("channels", "channels must list 1 to " + MAX_CHANNELS
                    + " channel ids, or be omitted for all of the tenant's channels");
        }
        for (String channel : channels) {
            if (channel == null) {
                return fail("channels", "channel ids must be strings");
            }
            Optional<String> problem = TextRules.lineProblem(channel, MAX_CHANNEL_LENGTH);
            if (problem.isPresent()) {
                return fail("channels", "each channel id " + problem.get());
            }
            if (channel.equals("*")) {
                return fail("channels", "omit channels (or send null) to subscribe to all of the tenant's channels");
            }
        }
        return List.copyOf(new LinkedHashSet<>(channels));
    }

    /** The format; null means the default, {@code standard}. */
    String format(String format) {
        if (format == null) {
            return SubscriptionFormat.STANDARD.value();
        }
        return FORMATS.contains(format) ? format : fail("format", "format must be one of " + sorted(FORMATS));
    }

    /** The mode; null means the default, {@code push}. */
    SubscriptionMode mode(String mode) {
        if (mode == null) {
            return SubscriptionMode.PUSH;
        }
        return SubscriptionMode.of(mode).orElseGet(() -> fail("mode", "mode must be one of [pull, push]"));
    }

    String status(String status) {
        return STATUSES.contains(status) ? status : fail("status", "status must be one of " + sorted(STATUSES));
    }

    String description(String description) {
        if (description == null) {
            return null;
        }
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            return fail("description", "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (TextRules.hasHiddenCharacter(description)) {
            return fail("description",
                    "description must not contain control, format (e.g. bidi) or unpaired surrogate characters");
        }
        return description;
    }

    /** Whole seconds of a valid {@code expire_after}; null when absent (and an error when unreadable). */
    Integer expireAfter(String text) {
        if (text == null) {
            return null;
        }
        return ExpireAfter.parse(text).map(d -> (int) d.getSeconds()).orElseGet(() -> fail("expire_after",
                ExpireAfter.RULE));
    }

    /** The supplied secret, or null when none was supplied (the caller generates one). */
    WebhookSecret secret(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            return WebhookSecret.parse(secret);
        } catch (InvalidSecretException e) {
            return fail("secret", e.reason().message());
        }
    }

    void fieldError(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the request is not valid", errors);
        }
    }

    private <T> T fail(String field, String message) {
        fieldError(field, message);
        return null;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
