package dev.parley.worker.provider;

/** A configured provider without credentials: every request fails explicitly instead of calling out. */
final class DisabledProvider implements ChatProvider {

    private final String name;

    DisabledProvider(String name) {
        this.name = name;
    }

    @Override
    public ProviderResult stream(ProviderRequest request, DeltaSink sink, Cancellation cancellation) {
        return ProviderResult.rejected(ErrorCodes.PROVIDER_NOT_CONFIGURED,
                "Provider '" + name + "' is not configured on this server (no API key)");
    }
}
