package io.hookgate.pull;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in a pull subscription's messages: the writing transaction's id and the row's sequence number, the
 * order readers see them in (docs/DESIGN.md, "Pull messages"). On the wire it is 32 lower-case hex digits, both
 * numbers fixed-width and unsigned, so comparing two cursors as strings compares the positions.
 */
public record PullCursor(long xid, long seq) implements Comparable<PullCursor> {

    /** Before every message. */
    public static final PullCursor START = new PullCursor(0, 0);

    private static final Pattern WIRE = Pattern.compile("[0-9a-f]{32}");
    private static final HexFormat HEX = HexFormat.of();

    /** The cursor spelled {@code text}, if it is one. */
    public static Optional<PullCursor> parse(String text) {
        if (text == null || !WIRE.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PullCursor(Long.parseUnsignedLong(text, 0, 16, 16),
                Long.parseUnsignedLong(text, 16, 32, 16)));
    }

    /** The xid as PostgreSQL's xid8 text. */
    public String xidText() {
        return Long.toUnsignedString(xid);
    }

    public String wire() {
        return HEX.toHexDigits(xid) + HEX.toHexDigits(seq);
    }

    @Override
    public int compareTo(PullCursor other) {
        int byXid = Long.compareUnsigned(xid, other.xid);
        return byXid != 0 ? byXid : Long.compareUnsigned(seq, other.seq);
    }

    @Override
    public String toString() {
        return wire();
    }
}
