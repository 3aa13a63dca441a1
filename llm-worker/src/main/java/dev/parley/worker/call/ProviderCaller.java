package dev.parley.worker.call;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.parley.worker.call.CallDeadlines.Expiry;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ConfiguredProvider;
import dev.parley.worker.provider.DeltaSink;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;

/**
 * Makes one provider call under its time limits. The call gets its own {@link Cancellation}, raised by the
 * user's cancel or by the watchdog; afterwards the watchdog tells a timeout (a failure, {@code provider_timeout})
 * from a user's stop (a cancel). Either way the provider reports the partial usage it has.
 */
@Component
class ProviderCaller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProviderCaller.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("call-watchdog").daemon().factory());

    ProviderResult call(ConfiguredProvider provider, ProviderRequest request, DeltaSink sink, Cancellation user) {
        var call = new Cancellation();
        user.onCancel(call::cancel);
        var deadlines = new CallDeadlines(provider.properties().timeouts(), System.nanoTime());
        try (var watchdog = new Watchdog(deadlines, call, timer)) {
            watchdog.start();
            ProviderResult result = provider.client().stream(request, text -> {
                watchdog.textArrived();
                sink.accept(text);
            }, call);
            return watchdog.expired().filter(expiry -> !user.isCancelled())
                    .map(expiry -> timedOut(provider.name(), expiry, result)).orElse(result);
        } catch (RuntimeException e) {
            log.error("Call to provider {} failed unexpectedly", provider.name(), e);
            return ProviderResult.failed(new ProviderError(ErrorCodes.INTERNAL_ERROR,
                    "The answer failed because of an internal error"), null, true);
        }
    }

    private static ProviderResult timedOut(String provider, Expiry expiry, ProviderResult result) {
        var error = new ProviderError(ErrorCodes.PROVIDER_TIMEOUT, "Provider '" + provider + "' exceeded its "
                + expiry.timeout() + " timeout (" + expiry.limit().toMillis() + " ms)");
        return ProviderResult.failed(error, result.usage(), result.streamOpened());
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
