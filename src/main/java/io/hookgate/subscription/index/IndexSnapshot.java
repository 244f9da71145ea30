package io.hookgate.subscription.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable matching table: channel → subscriptions, plus subscriptions that take every channel.
 * Tenant channel scopes are applied when the snapshot is built, so matching is two map lookups.
 */
public final class IndexSnapshot {

    public static final String ALL = "*";
    static final IndexSnapshot EMPTY = new IndexSnapshot(-1, Map.of(), List.of());

    private final long version;
    private final Map<String, List<IndexedSubscription>> byChannel;
    private final List<IndexedSubscription> allChannels;

    private IndexSnapshot(long version, Map<String, List<IndexedSubscription>> byChannel,
            List<IndexedSubscription> allChannels) {
        this.version = version;
        this.byChannel = byChannel;
        this.allChannels = allChannels;
    }

    public long version() {
        return version;
    }

    public int size() {
        return allChannels.size() + byChannel.values().stream().mapToInt(List::size).sum();
    }

    /** Subscriptions that receive an event of this type on this channel, recorded at this instant. */
    public List<IndexedSubscription> match(String channel, String eventType, Instant recordedAt) {
        List<IndexedSubscription> out = new ArrayList<>(4);
        for (IndexedSubscription s : byChannel.getOrDefault(channel, List.of())) {
            if (s.wants(eventType, recordedAt)) {
                out.add(s);
            }
        }
        for (IndexedSubscription s : allChannels) {
            if (s.wants(eventType, recordedAt)) {
                out.add(s);
            }
        }
        return out;
    }

    /** One row of the loader: a subscription's channels (null = all of the tenant's) and its tenant's scope. */
    public record Row(IndexedSubscription subscription, Set<String> channels, Set<String> tenantChannels) {
    }

    public static IndexSnapshot build(long version, List<Row> rows) {
        Map<String, List<IndexedSubscription>> byChannel = new HashMap<>();
        List<IndexedSubscription> all = new ArrayList<>();
        for (Row row : rows) {
            boolean tenantAll = row.tenantChannels().contains(ALL);
            Set<String> wanted = row.channels() == null ? row.tenantChannels() : row.channels();
            if (wanted.contains(ALL) && tenantAll) {
                all.add(row.subscription());
                continue;
            }
            for (String channel : wanted) {
                if (!ALL.equals(channel) && (tenantAll || row.tenantChannels().contains(channel))) {
                    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(row.subscription());
                }
            }
        }
        byChannel.replaceAll((c, list) -> List.copyOf(list));
        return new IndexSnapshot(version, Map.copyOf(byChannel), List.copyOf(all));
    }
}
