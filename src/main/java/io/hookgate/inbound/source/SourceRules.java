package io.hookgate.inbound.source;

import io.hookgate.egress.Cidr;
import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.InvalidSourceSecretException;
import io.hookgate.inbound.secret.SourceSecret;
import io.hookgate.inbound.verify.HmacConfig;
import io.hookgate.inbound.verify.HmacConfigRules;
import io.hookgate.api.ProblemException;
import io.hookgate.api.ProblemException.FieldError;
import io.hookgate.api.TextRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Field-by-field validation of source input; every problem is collected so one 422 lists them all. */
final class SourceRules {

    static final int MAX_NAME = 128;
    static final int MAX_CIDRS = 64;
    static final int MAX_CHANNELS = 64;
    static final int MAX_CHANNEL_CHARS = 128;

    private final List<FieldError> errors = new ArrayList<>();

    Optional<SourceType> type(String wire) {
        Optional<SourceType> type = wire == null ? Optional.empty() : SourceType.fromWire(wire);
        if (type.isEmpty()) {
            fail("type", "type must be one of github, gitlab, standard-webhooks, hmac, eventyay");
        }
        return type;
    }

    String name(String name) {
        if (name == null) {
            return fail("name", "name is required");
        }
        TextRules.lineProblem(name, MAX_NAME).ifPresent(p -> fail("name", "name " + p));
        return name;
    }

    /** The supplied secret's text if it is acceptable for the type; null when absent or refused. */
    String secret(SourceType type, String secret) {
        if (secret == null || type == null) {
            return null;
        }
        try {
            SourceSecret.of(type, secret);
            return secret;
        } catch (InvalidSourceSecretException e) {
            return fail("secret", e.getMessage());
        }
    }

    /** Canonical CIDR texts; null (any address) stays null. */
    List<String> allowCidrs(List<String> cidrs) {
        if (cidrs == null) {
            return null;
        }
        if (cidrs.isEmpty() || cidrs.size() > MAX_CIDRS) {
            return fail("allow_cidrs", "allow_cidrs must list 1 to " + MAX_CIDRS + " ranges, or be omitted");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < cidrs.size(); i++) {
            try {
                out.add(Cidr.parse(cidrs.get(i)).toString());
            } catch (IllegalArgumentException | NullPointerException e) {
                fail("allow_cidrs[" + i + "]", "must be an IP address or range such as 192.0.2.0/24");
            }
        }
        return List.copyOf(out);
    }

    /** Required for hmac sources and refused for the others. */
    HmacConfig hmac(SourceType type, CreateSourceRequest.HmacRequest hmac) {
        if (type == null) {
            return null;
        }
        if (type != SourceType.HMAC) {
            return hmac == null ? null : fail("hmac", "hmac is only for sources of type hmac");
        }
        if (hmac == null) {
            return fail("hmac", "hmac sources need hmac {header, algorithm, encoding}");
        }
        HmacConfigRules.Result result = HmacConfigRules.validate(hmac.header(), hmac.algorithm(), hmac.encoding(),
                hmac.prefix(), hmac.deliveryIdHeader());
        if (result instanceof HmacConfigRules.Result.Invalid invalid) {
            invalid.errors().forEach(e -> fail(e.field(), e.message()));
            return null;
        }
        return ((HmacConfigRules.Result.Valid) result).config();
    }

    /** Required for eventyay sources and refused for the others; distinct, in request order. */
    List<String> channels(SourceType type, List<String> channels) {
        if (type == null) {
            return null;
        }
        if (type != SourceType.EVENTYAY) {
            return channels == null ? null : fail("channels", "channels is only for sources of type eventyay");
        }
        if (channels == null || channels.isEmpty() || channels.size() > MAX_CHANNELS) {
            return fail("channels", "eventyay sources need 1 to " + MAX_CHANNELS + " channels");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            String channel = channels.get(i);
            Optional<String> problem = channel == null ? Optional.of("must be a string")
                    : TextRules.lineProblem(channel, MAX_CHANNEL_CHARS);
            if (problem.isPresent()) {
                fail("channels[" + i + "]", "channel " + problem.get());
            } else {
                out.add(channel);
            }
        }
        return List.copyOf(out);
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the source is not valid", errors);
        }
    }

    private <T> T fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }
}
