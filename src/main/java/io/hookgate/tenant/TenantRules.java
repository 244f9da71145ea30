package io.hookgate.tenant;

import io.hookgate.api.ProblemException;
import io.hookgate.api.ProblemException.FieldError;
import io.hookgate.api.TextRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Validation of tenant input (SPEC section 5); failures are one 422 problem listing every field error. */
public final class TenantRules {

    /** Longest tenant name, in characters. */
    public static final int MAX_NAME = 128;
    /** Longest channel id, in characters. */
    public static final int MAX_CHANNEL = 128;
    /** Most channels a tenant may list. */
    public static final int MAX_CHANNELS = 1000;
    private static final int MAX_REPORTED = 20;

    private TenantRules() {
    }

    /** Valid, normalised tenant fields; a null field is absent (only in updates). */
    public record TenantInput(String name, List<String> channels) {
    }

    /** Checks a creation request, where both fields are required. */
    public static TenantInput forCreate(String name, List<String> channels) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        }
        if (channels == null) {
            errors.add(new FieldError("channels", "is required"));
        }
        return check(name, channels, errors);
    }

    /** Checks an update, where absent fields keep their value but an explicit null is an error. */
    public static TenantInput forUpdate(UpdateTenantRequest update) {
        List<FieldError> errors = new ArrayList<>();
        if (update.nameSent() && update.name() == null) {
            errors.add(new FieldError("name", "must not be null"));
        }
        if (update.channelsSent() && update.channels() == null) {
            errors.add(new FieldError("channels", "must not be null"));
        }
        return check(update.name(), update.channels(), errors);
    }

    private static TenantInput check(String name, List<String> channels, List<FieldError> errors) {
        if (name != null) {
            TextRules.lineProblem(name, MAX_NAME).ifPresent(message -> errors.add(new FieldError("name", message)));
        }
        List<String> normalised = channels == null ? null : channels(channels, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the tenant is not valid", errors);
        }
        return new TenantInput(name, normalised);
    }

    /** The channels without duplicates, in the order given; adds an error for each bad entry. */
    static List<String> channels(List<String> channels, List<FieldError> errors) {
        if (channels.isEmpty()) {
            errors.add(new FieldError("channels", "must not be empty; use [\"*\"] for every channel"));
            return List.of();
        }
        if (channels.size() > MAX_CHANNELS) {
            errors.add(new FieldError("channels", "must have at most " + MAX_CHANNELS + " entries"));
            return List.of();
        }
        if (channels.contains(Principal.Tenant.ALL_CHANNELS) && channels.size() > 1) {
            errors.add(new FieldError("channels", "\"*\" must be the only entry"));
            return List.of();
        }
        // report the first few bad entries, not a thousand
        for (int i = 0, bad = 0; i < channels.size() && bad < MAX_REPORTED; i++) {
            Optional<String> problem = channels.get(i) == null
                    ? Optional.of("must be a string")
                    : TextRules.lineProblem(channels.get(i), MAX_CHANNEL);
            if (problem.isPresent()) {
                errors.add(new FieldError("channels[" + i + "]", problem.get()));
                bad++;
            }
        }
        return List.copyOf(new LinkedHashSet<>(channels.stream().filter(c -> c != null).toList()));
    }
}
