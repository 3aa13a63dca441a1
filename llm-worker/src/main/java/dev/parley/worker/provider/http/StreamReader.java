package dev.parley.worker.provider.http;

import okhttp3.sse.EventSourceListener;

import dev.parley.worker.provider.ProviderResult;

/** Reads one provider's server-sent events and says how the call ended once the stream is over. */
public abstract class StreamReader extends EventSourceListener {

    /** @param cancelled the call was stopped from outside (user cancel or a timeout) */
    public abstract ProviderResult result(boolean cancelled);
}
