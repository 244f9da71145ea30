package io.hookgate.inbound.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a supplied {@code hmac} config field by field, so the API can answer one {@code 422} listing every
 * problem. Rules:
 * <ul>
 *   <li>{@code header}, {@code delivery_id_header}: an HTTP field name (RFC 9110 token) of 1–64 characters, not a
 *       header that servers or proxies consume or rewrite (hop-by-hop, framing, {@code Host}, forwarding, cookies);
 *       the two must differ;
 *   <li>{@code algorithm}: {@code sha256} or {@code sha512}; {@code encoding}: {@code hex} or {@code base64};
 *   <li>{@code prefix}: optional, at most 32 printable ASCII characters, not starting with a space (servers trim
 *       leading whitespace off header values, so such a prefix could never match).
 * </ul>
 */
public final class HmacConfigRules {

    /** Longest accepted header name. */
    public static final int MAX_HEADER_CHARS = 64;
    /** Longest accepted prefix. */
    public static final int MAX_PREFIX_CHARS = 32;

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1," + MAX_HEADER_CHARS + "}");
    private static final Set<String> RESERVED = Set.of(
            "host", "content-length", "content-type", "content-encoding", "transfer-encoding", "connection",
            "keep-alive", "te", "trailer", "upgrade", "expect", "proxy-authorization", "proxy-connection",
            "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "cookie");

    private HmacConfigRules() {
    }

    /** One rejected field: {@code field} is the JSON path ({@code hmac.header}); {@code message} is client-safe. */
    public record FieldError(String field, String message) {
    }

    /** The outcome of validating an {@code hmac} object. */
    public sealed interface Result {
        /** A usable config. */
        record Valid(HmacConfig config) implements Result {
        }

        /** Every problem found, in field order. */
        record Invalid(List<FieldError> errors) implements Result {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }
    }

    /** Validates the raw fields as received (any may be null). */
    public static Result validate(String header, String algorithm, String encoding, String prefix,
            String deliveryIdHeader) {
        List<FieldError> errors = new ArrayList<>();
        headerName("hmac.header", header, true, errors);
        Optional<HmacAlgorithm> alg = HmacAlgorithm.fromWire(algorithm);
        if (alg.isEmpty()) {
            errors.add(new FieldError("hmac.algorithm", "algorithm must be \"sha256\" or \"sha512\""));
        }
        Optional<SignatureEncoding> enc = SignatureEncoding.fromWire(encoding);
        if (enc.isEmpty()) {
            errors.add(new FieldError("hmac.encoding", "encoding must be \"hex\" or \"base64\""));
        }
        prefix(prefix, errors);
        headerName("hmac.delivery_id_header", deliveryIdHeader, false, errors);
        if (header != null && header.equalsIgnoreCase(deliveryIdHeader)) {
            errors.add(new FieldError("hmac.delivery_id_header", "delivery_id_header must differ from header"));
        }
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        return new Result.Valid(new HmacConfig(header, alg.get(), enc.get(), prefix == null ? "" : prefix,
                Optional.ofNullable(deliveryIdHeader)));
    }

    private static void headerName(String field, String name, boolean required, List<FieldError> errors) {
        if (name == null) {
            if (required) {
                errors.add(new FieldError(field, "header is required"));
            }
            return;
        }
        if (!TOKEN.matcher(name).matches()) {
            errors.add(new FieldError(field, "must be an HTTP header name: 1-" + MAX_HEADER_CHARS
                    + " letters, digits or !#$%&'*+-.^_`|~"));
        } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError(field, "must not be a header that servers or proxies consume or rewrite"));
        }
    }

    private static void prefix(String prefix, List<FieldError> errors) {
        if (prefix == null) {
            return;
        }
        boolean printable = prefix.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (prefix.length() > MAX_PREFIX_CHARS || !printable || prefix.startsWith(" ")) {
            errors.add(new FieldError("hmac.prefix", "prefix must be at most " + MAX_PREFIX_CHARS
                    + " printable ASCII characters and must not start with a space"));
        }
    }
}
