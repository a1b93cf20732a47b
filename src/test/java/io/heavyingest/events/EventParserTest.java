package io.heavyingest.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavyingest.testsupport.Events;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EventParser parser = new EventParser();

    private InboundEvent parse(String json) throws Exception {
        return parser.parse(MAPPER.readTree(json));
    }

    @Test
    void objectKeys_plusAndPercentEscapes_shouldDecodeToTheStoredKey() {
        assertThat(ObjectKeys.decode("incoming/Python+Multi+Consolidated_20250722.csv"))
                .isEqualTo("incoming/Python Multi Consolidated_20250722.csv");
        assertThat(ObjectKeys.decode("incoming/Z%C3%BCrich+%E2%82%AC%2B50%25.csv")).isEqualTo("incoming/Zürich €+50%.csv");
    }

    @Test
    void objectKeys_brokenEscape_shouldRaiseMalformedEvent() {
        assertThatThrownBy(() -> ObjectKeys.decode("incoming/bad%zz.csv")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("bad%zz.csv");
    }

    @Test
    void s3Notification_withVersion_shouldYieldTheDecodedObjectVersion() throws Exception {
        InboundEvent event = parse(Events.s3Put("b", "incoming/a b.csv", 42, "abc", "v1"));

        InboundEvent.Objects objects = (InboundEvent.Objects) event;
        assertThat(objects.kind()).isEqualTo("s3");
        ObjectEvent o = objects.objects().get(0);
        assertThat(o.created()).isTrue();
        assertThat(o.object().key()).isEqualTo("incoming/a b.csv");
        assertThat(o.object().versionId()).isEqualTo("v1");
        assertThat(o.object().eTag()).isEqualTo("abc");
        assertThat(o.object().size()).isEqualTo(42);
        assertThat(o.object().identity("s3")).isEqualTo("s3://b/incoming/a b.csv#v1");
    }

    @Test
    void s3Notification_unversioned_shouldUseTheETagInTheIdentity() throws Exception {
        InboundEvent.Objects objects = (InboundEvent.Objects) parse(Events.s3Put("b", "incoming/x.csv", 1, "e1", null));

        assertThat(objects.objects().get(0).object().identity("s3")).isEqualTo("s3://b/incoming/x.csv#etag:e1");
    }

    @Test
    void sqsBody_snsEnvelopeAroundAnS3Notification_shouldYieldTheObject() {
        String notification = Events.s3Put("b", "incoming/x.csv", 1, "e1", null);
        String sns = Events.json(Map.of("Type", "Notification", "MessageId", "m", "Message", notification));

        List<ObjectEvent> objects = parser.parseMessageBody(sns);

        assertThat(objects).extracting(o -> o.object().key()).containsExactly("incoming/x.csv");
    }

    @Test
    void sqsBody_eventBridgeEvent_shouldYieldTheObject() {
        List<ObjectEvent> objects = parser.parseMessageBody(Events.eventBridge("b", "incoming/y.csv", 3, "e", "v"));

        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(o.created()).isTrue();
            assertThat(o.object().versionId()).isEqualTo("v");
        });
    }

    @Test
    void eventBridge_otherDetailType_shouldNotCountAsCreation() throws Exception {
        String deleted = Events.eventBridge("b", "incoming/y.csv", 3, "e", "v").replace("Object Created", "Object Deleted");

        InboundEvent.Objects objects = (InboundEvent.Objects) parse(deleted);

        assertThat(objects.objects()).singleElement().satisfies(o -> assertThat(o.created()).isFalse());
    }

    @Test
    void unknownShape_shouldRaiseMalformedEventNamingItsFields() {
        assertThatThrownBy(() -> parse("{\"foo\": 1, \"bar\": 2}")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("foo").hasMessageContaining("bar");
    }
}
