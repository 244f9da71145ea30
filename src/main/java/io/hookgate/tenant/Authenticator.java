package io.hookgate.tenant;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/** Resolves an {@code Authorization} header to the admin, a tenant, or nobody. */
@ApplicationScoped
public class Authenticator {

    private static final String SCHEME = "bearer ";

    private final Optional<byte[]> adminKeyHash;
    private final ApiKeyCodec codec;
    private final ActiveKeys keys;
    private final KeyUsage usage;

    public Authenticator(AdminConfig admin, ApiKeyCodec codec, ActiveKeys keys, KeyUsage usage) {
        this.adminKeyHash = admin.apiKey().filter(key -> !key.isBlank()).map(Authenticator::sha256);
        this.codec = codec;
        this.keys = keys;
        this.usage = usage;
    }

    /** The principal for the request's Authorization header values; empty for missing or invalid keys. */
    public Uni<Optional<Principal>> authenticate(List<String> authorization) {
        Optional<String> token = bearerToken(authorization);
        if (token.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        // hashing both sides gives equal lengths, so the comparison time reveals nothing about the key
        if (adminKeyHash.isPresent() && MessageDigest.isEqual(adminKeyHash.get(), sha256(token.get()))) {
            return Uni.createFrom().item(Optional.of(new Principal.Admin()));
        }
        Optional<ApiKeyCodec.Parsed> parsed = codec.parse(token.get());
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String keyId = parsed.get().keyId();
        return keys.find(keyId).map(found -> found
                .filter(key -> codec.matches(key.secretHash(), parsed.get().secret()))
                .map(key -> {
                    usage.used(keyId);
                    return new Principal.Tenant(key.tenantId(), key.channels());
                }));
    }

    /** The token of exactly one {@code Bearer} credential; the scheme name is case-insensitive (RFC 9110). */
    static Optional<String> bearerToken(List<String> authorization) {
        if (authorization == null || authorization.size() != 1) {
            return Optional.empty();
        }
        String value = authorization.get(0);
        if (value == null || value.length() <= SCHEME.length()
                || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = value.substring(SCHEME.length());
        return token.isBlank() || !token.equals(token.strip()) ? Optional.empty() : Optional.of(token);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }
}
