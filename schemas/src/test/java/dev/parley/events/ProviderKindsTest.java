package dev.parley.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The provider kind moved from a string to an enum without breaking records already in Kafka (replays from offset 0)
 * or readers still running the previous release: writers fill both, readers prefer the enum.
 */
class ProviderKindsTest {

    @Test
    void everyKindHasAWireNameThatParsesBack() {
        assertThat(ProviderKinds.wireName(ProviderKind.OPENAI_COMPATIBLE)).isEqualTo("openai-compatible");
        for (ProviderKind kind : ProviderKind.values()) {
            if (kind != ProviderKind.UNKNOWN) {
                assertThat(ProviderKinds.parse(ProviderKinds.wireName(kind))).isEqualTo(kind);
            }
        }
        assertThat(ProviderKinds.parse(" Anthropic ")).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(ProviderKinds.parse("gemini")).isEqualTo(ProviderKind.UNKNOWN);
        assertThat(ProviderKinds.parse("unknown")).isEqualTo(ProviderKind.UNKNOWN);
        assertThat(ProviderKinds.parse(null)).isEqualTo(ProviderKind.UNKNOWN);
    }

    @Test
    void onlyTheHostedApisHaveAnOfficialRootAndNeedAKey() {
        assertThat(ProviderKinds.officialBaseUrl(ProviderKind.OPENAI)).isEqualTo("https://api.openai.com/v1");
        assertThat(ProviderKinds.officialBaseUrl(ProviderKind.ANTHROPIC)).isEqualTo("https://api.anthropic.com");
        for (ProviderKind kind : List.of(ProviderKind.OPENAI_COMPATIBLE, ProviderKind.MOCK, ProviderKind.UNKNOWN)) {
            assertThat(ProviderKinds.officialBaseUrl(kind)).as("%s", kind).isNull();
            assertThat(ProviderKinds.needsKey(kind)).as("%s", kind).isFalse();
        }
        assertThat(ProviderKinds.needsKey(ProviderKind.OPENAI)).isTrue();
        assertThat(ProviderKinds.needsKey(ProviderKind.ANTHROPIC)).isTrue();
    }

    @Test
    void aRecordOfTheReleasedSchemaIsReadWithItsStringKind() throws IOException {
        Schema released = released("0.3.0/ChatRequested.avsc");
        GenericRecord old = asOldRecord(request(ProviderKinds.endpoint(ProviderKind.ANTHROPIC, null)), released);
        assertThat(((GenericRecord) old.get("endpoint")).getSchema().getField("providerKind")).isNull();

        ChatRequested read = readCurrent(writeGeneric(old, released), released);

        assertThat(read.getEndpoint().getProviderKind()).isNull();
        assertThat(ProviderKinds.of(read.getEndpoint())).isEqualTo(ProviderKind.ANTHROPIC);
    }

    @Test
    void aReleasedReaderReadsTheStringANewWriterStillWrites() throws IOException {
        Schema released = released("0.3.0/ChatRequested.avsc");

        GenericRecord old = asOldRecord(request(ProviderKinds.endpoint(ProviderKind.OPENAI_COMPATIBLE, "http://x")),
                released);

        assertThat(((GenericRecord) old.get("endpoint")).get("kind").toString()).isEqualTo("openai-compatible");
    }

    @Test
    void theEnumWinsOverTheString() {
        ProviderEndpoint endpoint = ProviderEndpoint.newBuilder().setKind("openai").setProviderKind(ProviderKind.MOCK)
                .setBaseUrl(null).build();

        assertThat(ProviderKinds.of(endpoint)).isEqualTo(ProviderKind.MOCK);
    }

    @Test
    void aKindAddedLaterReadsAsUnknown() throws IOException {
        Schema current = ChatRequested.getClassSchema();
        Schema future = new Schema.Parser().parse(current.toString()
                .replace("\"OPENAI_COMPATIBLE\",\"MOCK\"]", "\"OPENAI_COMPATIBLE\",\"MOCK\",\"GEMINI\"]"));
        assertThat(future.toString()).contains("GEMINI");
        GenericRecord record = asOldRecord(request(ProviderKinds.endpoint(ProviderKind.MOCK, null)), future);
        GenericRecord endpoint = (GenericRecord) record.get("endpoint");
        Schema kindSchema = endpoint.getSchema().getField("providerKind").schema().getTypes().get(1);
        endpoint.put("providerKind", new GenericData.EnumSymbol(kindSchema, "GEMINI"));
        endpoint.put("kind", "gemini");

        ChatRequested read = readCurrent(writeGeneric(record, future), future);

        assertThat(read.getEndpoint().getProviderKind()).isEqualTo(ProviderKind.UNKNOWN);
        assertThat(ProviderKinds.of(read.getEndpoint())).isEqualTo(ProviderKind.UNKNOWN);
    }

    static ChatRequested request(ProviderEndpoint endpoint) {
        return ChatRequested.newBuilder().setRequestId("r1").setUserId("u1").setConversationId("c1")
                .setMessageId("m1").setProvider("local").setModel("m")
                .setMessages(List.of(new ChatMessage(ChatRole.USER, "Hi", List.of())))
                .setParameters(GenerationParameters.newBuilder().build()).setRequestedAt(Instant.EPOCH)
                .setEndpoint(endpoint).build();
    }

    /** The record as a reader of the given schema sees it. */
    static GenericRecord asOldRecord(ChatRequested request, Schema readerSchema) throws IOException {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(ChatRequested.class).write(request, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(ChatRequested.getClassSchema(), readerSchema)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    static byte[] writeGeneric(GenericRecord record, Schema schema) throws IOException {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    static ChatRequested readCurrent(byte[] bytes, Schema writer) throws IOException {
        return new SpecificDatumReader<ChatRequested>(writer, ChatRequested.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    static Schema released(String path) throws IOException {
        try (InputStream in = ProviderKindsTest.class.getResourceAsStream("/released/" + path)) {
            return new Schema.Parser().parse(in);
        }
    }
}
