package dev.parley.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.testing.TestSerdes;

/** test-support names this module's resolver by string (it sits below platform): the names must stay true. */
class TestSerdesTest {

    @Test
    void testClientsResolveSchemasThroughTheBoundedResolverWithItsDeadline() throws Exception {
        Map<String, Object> config = TestSerdes.config("http://127.0.0.1:1/apis/registry/v3");

        assertThat(Class.forName(config.get("apicurio.registry.schema-resolver").toString()))
                .isEqualTo(BoundedSchemaResolver.class);
        assertThat(BoundedSchemaResolver.timeout(config)).hasSeconds(10);
    }

    @Test
    void aLookupThatGotNoAnswerIsRecognisedWhereverItSitsInTheCauses() {
        var unavailable = new SchemaRegistryUnavailableException("no answer", null);

        assertThat(TestSerdes.registryUnavailable(new RuntimeException("deserialize", unavailable))).isTrue();
        assertThat(TestSerdes.registryUnavailable(new IllegalStateException("poison"))).isFalse();
    }
}
