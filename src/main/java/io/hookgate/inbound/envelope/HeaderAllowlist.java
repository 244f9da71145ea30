package io.hookgate.inbound.envelope;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.verify.InboundHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request headers an {@code inbound.events} record keeps: content type, user agent, and each type's event and
 * delivery headers. Signatures and tokens are never kept (a GitLab token is the secret itself), nor anything
 * else a sender or proxy might put in (cookies, authorization, forwarding addresses).
 */
public final class HeaderAllowlist {

    /** Longest value kept; longer ones are cut. */
    public static final int MAX_VALUE_CHARS = 256;

    private static final List<String> COMMON = List.of("content-type", "user-agent");
    private static final Map<SourceType, List<String>> BY_TYPE = Map.of(
            SourceType.GITHUB, List.of("x-github-event", "x-github-delivery", "x-github-hook-id",
                    "x-github-hook-installation-target-id", "x-github-hook-installation-target-type"),
            SourceType.GITLAB, List.of("x-gitlab-event", "idempotency-key", "x-gitlab-event-uuid",
                    "x-gitlab-webhook-uuid", "x-gitlab-instance"),
            SourceType.STANDARD_WEBHOOKS, List.of("webhook-id", "webhook-timestamp"),
            SourceType.HMAC, List.of(),
            SourceType.EVENTYAY, List.of());

    private HeaderAllowlist() {
    }

    /** The names kept for {@code type}, lower-case; for hmac sources plus the configured delivery-id header. */
    public static List<String> names(SourceType type, Optional<String> hmacDeliveryIdHeader) {
        List<String> names = new ArrayList<>(COMMON);
        names.addAll(BY_TYPE.get(type));
        if (type == SourceType.HMAC) {
            hmacDeliveryIdHeader.map(h -> h.toLowerCase(Locale.ROOT)).filter(h -> !names.contains(h))
                    .ifPresent(names::add);
        }
        return List.copyOf(names);
    }

    /**
     * The kept headers, by lower-case name in allowlist order: the first value of each, reduced to printable
     * ASCII and cut to {@link #MAX_VALUE_CHARS}; absent and emptied ones are left out.
     */
    public static Map<String, String> select(SourceType type, Optional<String> hmacDeliveryIdHeader,
            InboundHeaders headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names(type, hmacDeliveryIdHeader)) {
            headers.first(name).map(HeaderAllowlist::printable).filter(v -> !v.isEmpty())
                    .ifPresent(v -> kept.put(name, v));
        }
        return Collections.unmodifiableMap(kept);
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE_CHARS));
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE_CHARS; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
