package dev.parley.worker.provider;

/** A configured provider that may not be called: every request fails explicitly instead of calling out. */
final class DisabledProvider implements ChatProvider {

    private final String name;
    private final String reason;

    DisabledProvider(String name, String reason) {
        this.name = name;
        this.reason = reason;
    }

    @Override
    public ProviderResult stream(ProviderRequest request, DeltaSink sink, Cancellation cancellation) {
        return ProviderResult.rejected(ErrorCodes.PROVIDER_NOT_CONFIGURED,
                "Provider '" + name + "' is not configured on this server (" + reason + ")");
    }
}
