package dev.parley.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import dev.parley.events.CancelRequested;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;

class CachingAvroDatumProviderTest {

    final CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();

    CachingAvroDatumProviderTest() {
        provider.configure(new AvroSerdeConfig(Map.of(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true)));
    }

    @Test
    void oneReaderServesEveryRecordOfASchemaAndReadsTheGeneratedClass() throws Exception {
        var cancel = CancelRequested.newBuilder().setRequestId("r1").setUserId("u1")
                .setRequestedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        var bytes = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<CancelRequested>(CancelRequested.getClassSchema()).write(cancel, encoder);
        encoder.flush();

        DatumReader<Object> first = provider.createDatumReader(CancelRequested.getClassSchema());
        DatumReader<Object> second = provider.createDatumReader(CancelRequested.getClassSchema());

        assertThat(second).isSameAs(first);
        assertThat(first.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null))).isEqualTo(cancel);
    }

    @Test
    void oneWriterServesEveryRecordOfASchemaAndWritesWhatTheReaderReads() throws Exception {
        var cancel = CancelRequested.newBuilder().setRequestId("r2").setUserId("u2")
                .setRequestedAt(Instant.parse("2026-01-01T00:00:00Z")).build();

        DatumWriter<Object> first = provider.createDatumWriter(cancel, CancelRequested.getClassSchema());
        DatumWriter<Object> second = provider.createDatumWriter(cancel, CancelRequested.getClassSchema());

        assertThat(second).isSameAs(first).isInstanceOf(SpecificDatumWriter.class);
        var bytes = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        second.write(cancel, encoder);
        encoder.flush();
        assertThat(provider.createDatumReader(CancelRequested.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null))).isEqualTo(cancel);
    }

    @Test
    void aGenericRecordGetsAGenericWriterEvenForAGeneratedClassSchema() {
        var cancel = CancelRequested.newBuilder().setRequestId("r3").setUserId("u3")
                .setRequestedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        var generic = new GenericData.Record(CancelRequested.getClassSchema());

        DatumWriter<Object> specific = provider.createDatumWriter(cancel, CancelRequested.getClassSchema());
        DatumWriter<Object> plain = provider.createDatumWriter(generic, CancelRequested.getClassSchema());

        assertThat(plain).isNotSameAs(specific).isExactlyInstanceOf(GenericDatumWriter.class)
                .isSameAs(provider.createDatumWriter(generic, CancelRequested.getClassSchema()));
    }
}
