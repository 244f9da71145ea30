package io.hookgate.tenant;

import java.util.Set;
import java.util.UUID;

/** Who is calling: the admin, or one tenant with its allowed channels. */
public sealed interface Principal {

    /** True when the caller may act on objects of this tenant. */
    boolean canAccess(UUID tenantId);

    /** True when the caller may subscribe to or send events for this channel. */
    boolean allowsChannel(String channel);

    record Admin() implements Principal {
        @Override
        public boolean canAccess(UUID tenantId) {
            return true;
        }

        @Override
        public boolean allowsChannel(String channel) {
            return true;
        }
    }

    record Tenant(UUID tenantId, Set<String> channels) implements Principal {
        public static final String ALL_CHANNELS = "*";

        @Override
        public boolean canAccess(UUID id) {
            return tenantId.equals(id);
        }

        @Override
        public boolean allowsChannel(String channel) {
            return channels.contains(ALL_CHANNELS) || channels.contains(channel);
        }
    }
}
