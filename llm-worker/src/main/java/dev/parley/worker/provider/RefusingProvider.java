package dev.parley.worker.provider;

/** A provider that cannot be called: every request ends with the same failure, nothing goes out. */
public final class RefusingProvider implements ChatProvider {

    private final ProviderError error;

    public RefusingProvider(ProviderError error) {
        this.error = error;
    }

    @Override
    public ProviderResult stream(ProviderRequest request, DeltaSink sink, Cancellation cancellation) {
        return ProviderResult.failed(error, null, false);
    }
}
