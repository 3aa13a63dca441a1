package dev.parley.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.apicurio.registry.resolver.client.RegistryClientFacade;

class BoundedRegistryClientTest {

    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch never = new CountDownLatch(1);

    @Test
    void aCallThatGetsNoAnswerEndsAtItsDeadlineAndTheNextOnesFailAtOnceForAWhile() {
        var client = new BoundedRegistryClient(hanging(), Duration.ofMillis(200), "http://registry");

        assertThatThrownBy(() -> client.getSchemaByContentId(7L))
                .isInstanceOf(SchemaRegistryUnavailableException.class).hasMessageContaining("within 200 ms");
        assertThatThrownBy(() -> client.getSchemaByContentId(8L))
                .isInstanceOf(SchemaRegistryUnavailableException.class).hasMessageContaining("moments ago");

        assertThat(calls).as("the second lookup did not wait for the registry again").hasValue(1);
    }

    private RegistryClientFacade hanging() {
        return (RegistryClientFacade) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RegistryClientFacade.class}, (proxy, method, args) -> {
                    calls.incrementAndGet();
                    never.await();
                    return null;
                });
    }
}
