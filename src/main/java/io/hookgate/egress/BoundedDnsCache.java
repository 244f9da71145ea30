package io.hookgate.egress;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.resolver.dns.DefaultDnsCache;
import io.netty.resolver.dns.DnsCache;
import io.netty.resolver.dns.DnsCacheEntry;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Netty's TTL cache with a bound on the number of host names: entries already expire by their (clamped) TTL, but
 * a flood of distinct names within one TTL would otherwise grow it without limit. Past the bound it starts over.
 */
final class BoundedDnsCache implements DnsCache {

    private final DnsCache delegate;
    private final int maxNames;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    BoundedDnsCache(int minTtlSeconds, int maxTtlSeconds, int negativeTtlSeconds, int maxNames) {
        this.delegate = new DefaultDnsCache(minTtlSeconds, maxTtlSeconds, negativeTtlSeconds);
        this.maxNames = maxNames;
    }

    @Override
    public void clear() {
        names.clear();
        delegate.clear();
    }

    @Override
    public boolean clear(String hostname) {
        names.remove(hostname);
        return delegate.clear(hostname);
    }

    @Override
    public List<? extends DnsCacheEntry> get(String hostname, DnsRecord[] additionals) {
        return delegate.get(hostname, additionals);
    }

    @Override
    public DnsCacheEntry cache(String hostname, DnsRecord[] additionals, InetAddress address, long originalTtl,
            EventLoop loop) {
        makeRoomFor(hostname);
        return delegate.cache(hostname, additionals, address, originalTtl, loop);
    }

    @Override
    public DnsCacheEntry cache(String hostname, DnsRecord[] additionals, Throwable cause, EventLoop loop) {
        makeRoomFor(hostname);
        return delegate.cache(hostname, additionals, cause, loop);
    }

    int size() {
        return names.size();
    }

    private void makeRoomFor(String hostname) {
        if (!names.contains(hostname) && names.size() >= maxNames) {
            clear();
        }
        names.add(hostname);
    }
}
