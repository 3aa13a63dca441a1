package dev.parley.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Test
    void identicalCallsAtTheSameTimeShareOneRequest() throws Exception {
        var answer = new CountDownLatch(1);
        var client = new BoundedRegistryClient(answering(answer, "schema"), Duration.ofSeconds(30), "http://registry");
        List<String> answers = new CopyOnWriteArrayList<>();
        List<Thread> lookups = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long contentId = i < 49 ? 7L : 8L;
            lookups.add(Thread.ofPlatform().start(() -> answers.add(client.getSchemaByContentId(contentId))));
        }
        // the only timed wait on a lookup's way is for the request's answer: all 50 wait before the registry answers
        while (!lookups.stream().allMatch(lookup -> lookup.getState() == Thread.State.TIMED_WAITING)) {
            Thread.onSpinWait();
        }
        answer.countDown();
        for (Thread lookup : lookups) {
            lookup.join();
        }

        assertThat(answers).hasSize(50).containsOnly("schema");
        assertThat(calls).as("one request for content id 7, one for 8").hasValue(2);
        assertThat(client.getSchemaByContentId(7L)).isEqualTo("schema");
        assertThat(calls).as("a later lookup asks again: only calls in flight are shared").hasValue(3);
    }

    @Test
    void aLookupIsAnsweredWhileVirtualThreadsKeepEveryCarrierBusy() throws Exception {
        var client = new BoundedRegistryClient(answering(new CountDownLatch(0), "schema"), Duration.ofSeconds(2),
                "http://registry");
        var spin = new AtomicBoolean(true);
        List<Thread> spinners = new ArrayList<>();
        // virtual threads are not preempted: these hold every carrier of the default scheduler until released
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
            spinners.add(Thread.ofVirtual().start(() -> {
                while (spin.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
        try {
            assertThat(client.getSchemaByContentId(7L)).isEqualTo("schema");
        } finally {
            spin.set(false);
            for (Thread spinner : spinners) {
                spinner.join();
            }
        }
    }

    private RegistryClientFacade answering(CountDownLatch answer, String schema) {
        return (RegistryClientFacade) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RegistryClientFacade.class}, (proxy, method, args) -> {
                    calls.incrementAndGet();
                    answer.await();
                    return schema;
                });
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
