package io.hookgate.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The event-type catalog served by {@code GET /v1/event-types}: one JSON Schema (draft 2020-12) per
 * {@link EventType}, read once from {@code event-types/<name>.schema.json} on the classpath. A schema
 * describes the event ({@code data} in the standard body, the whole body in the eventyay format);
 * its {@code description} is the type's description.
 */
public final class EventTypeCatalog {

    /**
     * One catalog entry.
     *
     * @param name the wire name, e.g. {@code chat.message}
     * @param description one sentence for humans
     * @param schema the JSON Schema; a defensive copy on every access
     */
    public record Entry(String name, String description, ObjectNode schema) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            schema = schema.deepCopy();
        }

        @Override
        public ObjectNode schema() {
            return schema.deepCopy();
        }
    }

    private static final List<Entry> ENTRIES = load();

    private EventTypeCatalog() {
    }

    /** All event types, in {@link EventType} declaration order. */
    public static List<Entry> all() {
        return ENTRIES;
    }

    /** The entry for a wire name, if it exists. */
    public static Optional<Entry> find(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static List<Entry> load() {
        ObjectMapper mapper = new ObjectMapper();
        return Arrays.stream(EventType.values()).map(type -> loadEntry(mapper, type)).toList();
    }

    private static Entry loadEntry(ObjectMapper mapper, EventType type) {
        String resource = "event-types/" + type.wireName() + ".schema.json";
        try (InputStream in = EventTypeCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            JsonNode schema = mapper.readTree(in);
            if (!(schema instanceof ObjectNode object) || !schema.path("description").isTextual()) {
                throw new IllegalStateException(resource + " must be an object with a description");
            }
            return new Entry(type.wireName(), schema.get("description").textValue(), object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
