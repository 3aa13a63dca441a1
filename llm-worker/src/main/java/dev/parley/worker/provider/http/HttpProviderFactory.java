package dev.parley.worker.provider.http;

import okhttp3.OkHttpClient;

import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.ProviderFactory;

/**
 * A factory of providers that call over HTTP: the configured ones on the shared client, those an admin added to the
 * catalog on the guarded one, so each kind only says how to build its provider on a given client.
 */
public abstract class HttpProviderFactory implements ProviderFactory {

    private final ProviderHttp http;

    protected HttpProviderFactory(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public final ChatProvider create(String name, ProviderProperties properties) {
        return create(name, properties, http.client(properties));
    }

    @Override
    public final ChatProvider createGuarded(String name, ProviderProperties properties) {
        return create(name, properties, http.guardedClient(properties));
    }

    protected abstract ChatProvider create(String name, ProviderProperties properties, OkHttpClient client);
}
