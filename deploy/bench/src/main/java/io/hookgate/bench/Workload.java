package io.hookgate.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of one gateway session: 16 channels, subscriptions spread over receiver endpoints so that
 * every event matches exactly two subscriptions, plus optional idle subscriptions on channels that
 * never receive events. Message ids are global; the channel of a message is {@code id % 16}.
 *
 * <p>Routing: channel c owns the two "pairs" 2c and 2c+1; pair p belongs to subscription p mod B.
 * For B >= 2 the two pairs of a channel always land on different subscriptions, and subscription s
 * lives on endpoint s mod E.
 */
public final class Workload {

    public static final int CHANNELS = 16;
    public static final int FAN_OUT = 2;

    private final String session;
    private final int activeSubs;
    private final int endpoints;
    private final int fanOut;
    private final int[][] route;

    public Workload(String session, int activeSubs, int endpoints) {
        this(session, activeSubs, endpoints, FAN_OUT);
    }

    private Workload(String session, int activeSubs, int endpoints, int fanOut) {
        if (fanOut < 1 || activeSubs < fanOut || endpoints < 1) {
            throw new IllegalArgumentException("need at least as many active subscriptions as the fan-out, and 1 endpoint");
        }
        this.session = session;
        this.activeSubs = activeSubs;
        this.endpoints = endpoints;
        this.fanOut = fanOut;
        this.route = new int[CHANNELS][fanOut];
        for (int c = 0; c < CHANNELS; c++) {
            for (int copy = 0; copy < fanOut; copy++) {
                route[c][copy] = (fanOut * c + copy) % activeSubs;
            }
        }
    }

    /** The backlog drain's shape: one subscription on every channel, on endpoint 0, fan-out 1. */
    public static Workload single(String session, int endpoints) {
        return new Workload(session, 1, endpoints, 1);
    }

    /** Deliveries per event: 2 in the main workload, 1 in the drain. */
    public int fanOut() {
        return fanOut;
    }

    public String session() {
        return session;
    }

    public int activeSubs() {
        return activeSubs;
    }

    public int endpoints() {
        return endpoints;
    }

    public static int channelOf(long messageId) {
        return (int) (messageId % CHANNELS);
    }

    public String channelName(int channel) {
        return session + "-c" + (channel < 10 ? "0" : "") + channel;
    }

    public String idleChannelName(int sub) {
        return session + "-idle-" + sub;
    }

    /** The subscription index that receives copy 0 or 1 of a channel's events. */
    public int subFor(int channel, int copy) {
        return route[channel][copy];
    }

    /** Which copy (0 or 1) of a channel a subscription receives, or -1 if it should receive none. */
    public int copyFor(int channel, int sub) {
        for (int copy = 0; copy < fanOut; copy++) {
            if (route[channel][copy] == sub) {
                return copy;
            }
        }
        return -1;
    }

    public int endpointOf(int sub) {
        return sub % endpoints;
    }

    /** Channel names an active subscription is on. */
    public List<String> channelsOf(int sub) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            if (copyFor(c, sub) >= 0) {
                names.add(channelName(c));
            }
        }
        return names;
    }

    /** URL path of a subscription; the session tag lets the receiver ignore stragglers of old sessions. */
    public String path(int sub) {
        return "/" + session + "/s/" + sub;
    }
}
