package dev.parley.ingress.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.stream.AnswerFeed;
import dev.parley.ingress.stream.StreamHub;
import dev.parley.ingress.stream.StreamProperties;
import dev.parley.ingress.stream.StreamWriters;

/**
 * A stream in another feature's format (the OpenAI-compatible edge's) opens on the request's own thread, as the
 * native one does ({@link StreamControllerTest}): its first write commits the response, and must not race with the
 * request's thread leaving the filters.
 */
class AnswerStreamsTest {

    final List<Runnable> writerTasks = new ArrayList<>();
    final StreamWriters writers = mock(StreamWriters.class, call -> {
        if (call.getMethod().getName().equals("execute")) {
            writerTasks.add(call.getArgument(0)); // the writer never runs
            return null;
        }
        return 100;
    });
    final AnswerStreams streams = new AnswerStreams(mock(StreamHub.class), mock(AnswerFeed.class), writers,
            new StreamProperties(Duration.ofMinutes(5), Duration.ofSeconds(15), 100, 10_000, Duration.ofMinutes(3),
                    Duration.ofMinutes(15), 100, new StreamProperties.Fanout(Duration.ofMinutes(15))));

    @RestController
    class Completions {

        @GetMapping("/chunks")
        SseEmitter chunks() {
            return streams.stream("req-1", List.of(SseEmitter.event().data("role", MediaType.TEXT_PLAIN)),
                    event -> List.of(), () -> { });
        }

        @GetMapping("/nothing-first")
        SseEmitter nothingFirst() {
            return streams.stream("req-1", List.of(), event -> List.of(), () -> { });
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Completions()).build();

    @Test
    void theOpeningIsWrittenAndTheResponseCommittedOnTheRequestsThread() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/chunks")).andExpect(request().asyncStarted())
                .andReturn().getResponse();

        assertThat(writerTasks).isEmpty();
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getContentAsString()).isEqualTo("data:role\n\n");
    }

    @Test
    void withoutAnOpeningTheStreamOpensWithAComment() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/nothing-first")).andExpect(request().asyncStarted())
                .andReturn().getResponse();

        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getContentAsString()).isEqualTo(":" + AnswerStreams.OPENING_COMMENT + "\n\n");
    }
}
