package dev.parley.platform.registry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.microsoft.kiota.ApiException;

import io.apicurio.registry.client.RegistryClientFactory;
import io.apicurio.registry.client.common.DefaultVertxInstance;
import io.apicurio.registry.client.common.RegistryClientOptions;
import io.apicurio.registry.resolver.client.RegistryArtifactReference;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeImpl;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The registry client with a deadline on every call. Apicurio's HTTP adapter waits for a response with
 * {@code CompletableFuture.get()} and no timeout, so a registry that accepts connections and never answers held the
 * calling consumer thread forever. Here the connection itself times out (connect and idle timeouts on the Vert.x
 * client, so a wedged connection is closed and the pool recovers), and the caller waits at most the deadline
 * whatever happens below. A call that fails without an answer from the registry throws
 * {@link SchemaRegistryUnavailableException}; a definite answer (e.g. 404 for an unknown id) is passed on as it is.
 * <p>
 * After a call got no answer, calls fail at once for the next {@code deadline}: a consumer deserializes every record
 * of a poll before it returns, and a poll of 500 records whose schema is not cached yet would otherwise wait for 500
 * timeouts in a row, which wedges it as surely as no timeout at all. The retry comes from the record's error handler.
 * <p>
 * Identical calls made at the same time share one request: a worker that starts cold under a backlog begins hundreds of
 * streams at once, and every one of them would otherwise ask to register the same schema. The calls run on platform
 * threads, not virtual ones: those callers are virtual threads that can keep every carrier busy, and a lookup waiting
 * for a carrier behind them timed out although the registry was well (the replay of a whole topic did exactly that).
 */
final class BoundedRegistryClient implements RegistryClientFacade {

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("schema-registry-call-", 0).daemon().factory());

    private final RegistryClientFacade delegate;
    private final Duration deadline;
    private final String url;
    private final Map<List<?>, FutureTask<?>> inFlight = new ConcurrentHashMap<>();
    private volatile long unavailableUntil = System.nanoTime();

    BoundedRegistryClient(RegistryClientFacade delegate, Duration deadline, String url) {
        this.delegate = delegate;
        this.deadline = deadline;
        this.url = url;
    }

    static BoundedRegistryClient create(String registryUrl, Duration deadline) {
        int millis = (int) Math.min(Integer.MAX_VALUE, deadline.toMillis());
        var options = new WebClientOptions()
                .setConnectTimeout(millis)
                .setIdleTimeout(millis)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        var vertx = DefaultVertxInstance.get();
        var client = RegistryClientFactory.create(RegistryClientOptions.create(registryUrl, vertx)
                .customWebClient(WebClient.create(vertx, options)));
        return new BoundedRegistryClient(new RegistryClientFacadeImpl(client), deadline, registryUrl);
    }

    /**
     * @param key the method and its arguments: calls with equal keys made while one is in flight share its answer
     */
    @SuppressWarnings("unchecked")
    <R> R call(String what, List<?> key, Supplier<R> call) {
        if (System.nanoTime() - unavailableUntil < 0) {
            throw new SchemaRegistryUnavailableException("Schema registry at " + url + " did not answer moments ago;"
                    + " not asked " + what, null);
        }
        FutureTask<?>[] created = new FutureTask<?>[1];
        FutureTask<R> pending = (FutureTask<R>) inFlight.computeIfAbsent(key, k -> created[0] = task(k, call));
        if (pending == created[0]) {
            CALLS.execute(pending);
        }
        try {
            return pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | CancellationException e) {
            // the call is abandoned for every caller sharing it: they all treat the registry as unavailable now
            pending.cancel(true);
            throw unavailable(new SchemaRegistryUnavailableException("Schema registry at " + url + " did not answer "
                    + what + " within " + deadline.toMillis() + " ms", e));
        } catch (ExecutionException e) {
            throw translate(what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("Interrupted while asking the schema registry " + what, e);
        }
    }

    private <R> FutureTask<R> task(List<?> key, Supplier<R> call) {
        // leaves the map before its callers wake up, so that a lookup they make next asks the registry again
        return new FutureTask<>(call::get) {
            @Override
            protected void set(R answer) {
                inFlight.remove(key, this);
                super.set(answer);
            }

            @Override
            protected void setException(Throwable failure) {
                inFlight.remove(key, this);
                super.setException(failure);
            }

            @Override
            protected void done() {
                inFlight.remove(key, this);
            }
        };
    }

    private static List<?> key(Object... methodAndArguments) {
        return Arrays.asList(methodAndArguments);
    }

    private RuntimeException translate(String what, Throwable failure) {
        if (answered(failure) && failure instanceof RuntimeException answer) {
            return answer;
        }
        return unavailable(new SchemaRegistryUnavailableException("Schema registry at " + url + " failed " + what
                + ": " + failure, failure));
    }

    private SchemaRegistryUnavailableException unavailable(SchemaRegistryUnavailableException failure) {
        unavailableUntil = System.nanoTime() + deadline.toNanos();
        return failure;
    }

    /** The registry answered with a status that a retry will not change (4xx other than 408 and 429). */
    static boolean answered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                int status = api.getResponseStatusCode();
                return status >= 400 && status < 500 && status != 408 && status != 429;
            }
        }
        return false;
    }

    @Override
    public String getSchemaByContentId(Long contentId) {
        return call("for content id " + contentId, key("contentId", contentId),
                () -> delegate.getSchemaByContentId(contentId));
    }

    @Override
    public String getSchemaByGlobalId(long globalId, boolean dereferenced) {
        return call("for global id " + globalId, key("globalId", globalId, dereferenced),
                () -> delegate.getSchemaByGlobalId(globalId, dereferenced));
    }

    @Override
    public String getSchemaByGAV(String groupId, String artifactId, String version) {
        return call("for " + artifactId, key("gav", groupId, artifactId, version),
                () -> delegate.getSchemaByGAV(groupId, artifactId, version));
    }

    @Override
    public String getSchemaByContentHash(String contentHash) {
        return call("for a content hash", key("contentHash", contentHash),
                () -> delegate.getSchemaByContentHash(contentHash));
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByContentId(long contentId) {
        return call("references of content id " + contentId, key("referencesByContentId", contentId),
                () -> delegate.getReferencesByContentId(contentId));
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByGlobalId(long globalId) {
        return call("references of global id " + globalId, key("referencesByGlobalId", globalId),
                () -> delegate.getReferencesByGlobalId(globalId));
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByGAV(String groupId, String artifactId, String version) {
        return call("references of " + artifactId, key("referencesByGav", groupId, artifactId, version),
                () -> delegate.getReferencesByGAV(groupId, artifactId, version));
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByContentHash(String contentHash) {
        return call("references of a content hash", key("referencesByContentHash", contentHash),
                () -> delegate.getReferencesByContentHash(contentHash));
    }

    @Override
    public List<RegistryVersionCoordinates> searchVersionsByContent(String schema, String artifactType,
            ArtifactReference reference, boolean canonical) {
        return call("to search a schema", key("search", schema, artifactType, reference, canonical),
                () -> delegate.searchVersionsByContent(schema, artifactType, reference, canonical));
    }

    @Override
    public RegistryVersionCoordinates createSchema(String artifactType, String groupId, String artifactId,
            String version, String autoCreate, boolean canonical, String schema,
            Set<RegistryArtifactReference> references) {
        return call("to register a schema",
                key("create", artifactType, groupId, artifactId, version, autoCreate, canonical, schema, references),
                () -> delegate.createSchema(artifactType, groupId, artifactId, version, autoCreate, canonical, schema,
                        references));
    }

    @Override
    public RegistryVersionCoordinates getVersionCoordinatesByGAV(String groupId, String artifactId, String version) {
        return call("for the version of " + artifactId, key("versionByGav", groupId, artifactId, version),
                () -> delegate.getVersionCoordinatesByGAV(groupId, artifactId, version));
    }

    @Override
    public Object getClient() {
        return delegate.getClient();
    }
}
