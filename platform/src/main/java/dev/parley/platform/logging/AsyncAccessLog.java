package dev.parley.platform.logging;

import org.slf4j.ILoggerFactory;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Writes the access log ({@link AccessLogFilter}, one line per HTTP request) on a background thread: the line goes to
 * the root logger's appenders like every other line (the console and, with {@code PARLEY_LOG_DIR}, the JSON file), but their
 * formatting and file writes no longer run on the request's thread, which under load wrote two synchronous lines per
 * stream (one per post and one per stream end). Nothing is dropped: the queue never discards a line, and a full
 * queue makes the request thread wait, as the synchronous appenders did. Lines still queued when the service stops are
 * written by the logging system's shutdown (logback drains an {@link AsyncAppender} when it stops). Does nothing when
 * the logging backend is not logback, or the access logger would have no appender.
 */
public final class AsyncAccessLog implements AutoCloseable {

    static final String APPENDER_NAME = "PARLEY_ACCESS_ASYNC";
    static final int QUEUE_SIZE = 1024;

    private final Logger access;
    private final AsyncAppender appender;

    private AsyncAccessLog(Logger access, AsyncAppender appender) {
        this.access = access;
        this.appender = appender;
    }

    /** Moves the access logger's output to an asynchronous appender over the root logger's appenders. */
    public static AsyncAccessLog install(ILoggerFactory factory) {
        if (!(factory instanceof LoggerContext context)) {
            return new AsyncAccessLog(null, null);
        }
        Logger access = context.getLogger(AccessLogFilter.LOGGER);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!access.isAdditive() || access.getAppender(APPENDER_NAME) != null || !root.iteratorForAppenders().hasNext()) {
            return new AsyncAccessLog(null, null); // configured otherwise on purpose, or already installed
        }
        AsyncAppender appender = new AsyncAppender();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setQueueSize(QUEUE_SIZE);
        appender.setDiscardingThreshold(0);
        appender.setNeverBlock(false);
        appender.setIncludeCallerData(false);
        appender.addAppender(new ToRoot(context, root));
        appender.start();
        access.addAppender(appender);
        access.setAdditive(false);
        return new AsyncAccessLog(access, appender);
    }

    boolean installed() {
        return appender != null;
    }

    /** Back to synchronous lines through the root logger, after writing what is queued. */
    @Override
    public void close() {
        if (appender == null) {
            return;
        }
        access.setAdditive(true);
        access.detachAppender(appender);
        appender.stop();
    }

    /**
     * The asynchronous appender's one downstream appender: the root logger's appenders, whichever they are when the
     * line is written. Not those appenders themselves, since an {@link AsyncAppender} stops its appenders when it
     * stops, and the console and file appenders are everybody's.
     */
    private static final class ToRoot extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final Logger root;

        ToRoot(LoggerContext context, Logger root) {
            this.root = root;
            setContext(context);
            setName(APPENDER_NAME + "_ROOT");
            start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            root.callAppenders(event);
        }
    }
}
