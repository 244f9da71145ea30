package io.hookgate.inbound.source;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.verify.HmacConfig;
import io.hookgate.secrets.SecretCipher;
import java.util.List;
import java.util.UUID;

/** A validated source ready to insert, its secret already sealed. */
record NewSource(UUID id, UUID tenantId, SourceType type, String name, List<String> allowCidrs, HmacConfig hmac,
        List<String> channels, SecretCipher.Sealed secret) {
}
