package dev.parley.ingress.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.ingress.stream.AnswerFeed;
import dev.parley.ingress.stream.StreamHub;
import dev.parley.ingress.stream.StreamProperties;
import dev.parley.ingress.stream.StreamSubscriber;
import dev.parley.ingress.stream.StreamWriters;

/** The native SSE stream: its status and headers go out when it opens, before any event of the answer. */
@ControllerTest(StreamController.class)
@Import(AnswerStreams.class)
@EnableConfigurationProperties(StreamProperties.class)
class StreamControllerTest {

    static final String STREAM = "/api/conversations/c-1/messages/m-1/stream";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AnswerFeed feed;

    @MockitoBean
    StreamHub hub;

    @MockitoBean
    StreamWriters writers;

    @BeforeEach
    void writersRunTasks() {
        given(writers.maxQueuedPerClient()).willReturn(100);
        willAnswer(call -> Thread.ofVirtual().start(call.<Runnable>getArgument(0))).given(writers).execute(any());
    }

    @Test
    void statusAndHeadersAreSentBeforeTheFirstEvent() throws Exception {
        // an answer still waiting for its first token: the feed subscribes, and no event comes
        MockHttpServletResponse response = openWaitingStream();
        await().until(response::isCommitted);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/event-stream");
        assertThat(response.getContentAsString()).as("a comment, which clients ignore; no event")
                .isEqualTo(":" + AnswerStreams.OPENING_COMMENT + "\n\n");
    }

    /**
     * The stream's first write commits the response, which writes the security headers. Done by the events' writer
     * (another thread) it raced with the request's thread, which writes those headers too as it leaves the filters:
     * a write that lost that race left the stream hanging. So the opening goes out on the request's thread, even
     * when the writer has not run yet.
     */
    @Test
    void theOpeningIsWrittenAndTheResponseCommittedOnTheRequestsThread() throws Exception {
        willAnswer(call -> null).given(writers).execute(any()); // the writer never runs
        MockHttpServletResponse response = openWaitingStream();
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getContentAsString()).isEqualTo(":" + AnswerStreams.OPENING_COMMENT + "\n\n");
    }

    @Test
    void aRefusedStreamIsAProblemNotAnOpenedStream() throws Exception {
        willThrow(MessageQueries.notFound("m-1")).given(feed)
                .follow(anyString(), anyString(), anyString(), anyLong(), any());

        mvc.perform(get(STREAM).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u-1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    /** Opens the stream of an answer still waiting for its first token: the feed subscribes, and no event comes. */
    private MockHttpServletResponse openWaitingStream() throws Exception {
        willAnswer(call -> call.<Function<String, StreamSubscriber>>getArgument(4).apply("req-1"))
                .given(feed).follow(anyString(), anyString(), anyString(), anyLong(), any());
        return mvc.perform(get(STREAM).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u-1")))
                .andExpect(request().asyncStarted())
                .andReturn().getResponse();
    }
}
