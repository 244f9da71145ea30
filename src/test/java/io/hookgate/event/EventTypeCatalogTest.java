package io.hookgate.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTypeCatalogTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {"text,chat.message", "emoji,chat.reaction", "files,NONE",
        "deleted,NONE", "call,NONE", "TEXT,NONE", "'',NONE", "NONE,NONE"})
    void messageTypeMapsToAnEventTypeOnlyForTextAndEmoji(String messageType, String wireName) {
        assertThat(EventType.forMessageType(messageType).map(EventType::wireName)).isEqualTo(
                java.util.Optional.ofNullable(wireName));
    }

    @Test
    void wireNamesResolveBackToTypes() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(EventType.fromWireName("chat.file")).isEmpty();
    }

    @Test
    void catalogListsEveryTypeWithDescriptionAndDraft202012Schema() {
        assertThat(EventTypeCatalog.all()).extracting(EventTypeCatalog.Entry::name)
                .containsExactly("chat.message", "chat.reaction", "webhook.ping");
        for (EventTypeCatalog.Entry entry : EventTypeCatalog.all()) {
            assertThat(entry.description()).isNotBlank();
            assertThat(entry.schema().path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(entry.schema().path("title").asText()).isEqualTo(entry.name());
        }
    }

    @Test
    void chatSchemasRequireTheRoutingFieldsAndPinTheirMessageType() {
        ObjectNode message = EventTypeCatalog.find("chat.message").orElseThrow().schema();
        ObjectNode reaction = EventTypeCatalog.find("chat.reaction").orElseThrow().schema();

        for (ObjectNode schema : new ObjectNode[] {message, reaction}) {
            assertThat(schema.path("required")).extracting(n -> n.asText())
                    .containsExactly("message_id", "channel", "timestamp", "message_type");
            assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        }
        assertThat(message.at("/properties/message_type/const").asText()).isEqualTo("text");
        assertThat(reaction.at("/properties/message_type/const").asText()).isEqualTo("emoji");
    }

    @Test
    void reactionSchemaDescribesTheMetaObject() {
        ObjectNode meta = (ObjectNode) EventTypeCatalog.find("chat.reaction").orElseThrow().schema()
                .at("/properties/meta");

        assertThat(meta.path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("target_message_id", "reaction", "action", "reactions");
        assertThat(meta.at("/properties/action/enum")).extracting(n -> n.asText()).containsExactly("add", "remove");
    }

    @Test
    void pingSchemaDescribesTheSubscriptionId() {
        ObjectNode ping = EventTypeCatalog.find("webhook.ping").orElseThrow().schema();

        assertThat(ping.at("/properties/subscription_id/type").asText()).isEqualTo("string");
    }

    @Test
    void schemasHandedOutCannotChangeTheCatalog() {
        EventTypeCatalog.all().get(0).schema().put("title", "changed");

        assertThat(EventTypeCatalog.all().get(0).schema().path("title").asText()).isEqualTo("chat.message");
    }

    @Test
    void unknownTypeIsNotInTheCatalog() {
        assertThat(EventTypeCatalog.find("chat.file")).isEmpty();
    }
}
