package dev.parley.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The access log goes through an asynchronous appender to the root logger's appenders, and loses no line. */
class AsyncAccessLogTest {

    final LoggerContext context = new LoggerContext();
    final ListAppender<ILoggingEvent> root = new ListAppender<>();

    AsyncAccessLogTest() {
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter()); // the one org.slf4j.MDC writes to
        root.setContext(context);
        root.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(root);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void accessLinesReachTheRootAppendersOnceWithTheirContextAndOthersStaySynchronous() {
        Logger access = context.getLogger(AccessLogFilter.LOGGER);
        try (AsyncAccessLog async = AsyncAccessLog.install(context)) {
            assertThat(async.installed()).isTrue();
            assertThat(access.isAdditive()).isFalse();

            org.slf4j.MDC.put(LogContext.REQUEST_ID, "req-1");
            for (int i = 0; i < 2000; i++) {
                access.info("GET /api/x {} 200", i);
            }
            org.slf4j.MDC.clear();
            context.getLogger("other").info("not an access line");

            await().until(() -> root.list.size() == 2001);
            assertThat(root.list).extracting(ILoggingEvent::getFormattedMessage).contains("not an access line");
            assertThat(root.list).filteredOn(event -> event.getLoggerName().equals(AccessLogFilter.LOGGER))
                    .hasSize(2000)
                    .allSatisfy(event -> assertThat(event.getMDCPropertyMap())
                            .containsEntry(LogContext.REQUEST_ID, "req-1"));
        }
        assertThat(access.isAdditive()).as("closed: synchronous again").isTrue();
        assertThat(root.isStarted()).as("the service's appenders are not the access log's to stop").isTrue();
        access.info("after");
        assertThat(root.list).extracting(ILoggingEvent::getFormattedMessage).contains("after");
    }

    @Test
    void closingWritesWhatIsStillQueued() {
        Logger access = context.getLogger(AccessLogFilter.LOGGER);
        AsyncAccessLog async = AsyncAccessLog.install(context);
        for (int i = 0; i < 500; i++) {
            access.info("line {}", i);
        }
        async.close();
        assertThat(root.list).hasSize(500);
    }

    @Test
    void leavesAnAccessLoggerConfiguredOtherwiseAndOtherBackendsAlone() {
        context.getLogger(AccessLogFilter.LOGGER).setAdditive(false);
        assertThat(AsyncAccessLog.install(context).installed()).isFalse();
        assertThat(AsyncAccessLog.install(new NOPLoggerFactory()).installed()).isFalse();
    }

    @Test
    void installsOnce() {
        AsyncAccessLog first = AsyncAccessLog.install(context);
        assertThat(AsyncAccessLog.install(context).installed()).isFalse();
        first.close();
    }
}
