package dev.parley.worker.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.parley.worker.config.WorkerProperties;

/**
 * The routes of a request in the order they are tried: the requested provider and model, then the model's
 * configured fallbacks ({@code parley.worker.models.<model>.fallbacks}). Fallback lists are parsed at startup,
 * so a typo fails the start rather than a request.
 */
@Component
class RoutePlanner {

    private final Map<String, List<Route>> fallbacks = new HashMap<>();

    RoutePlanner(WorkerProperties properties) {
        properties.models().forEach((model, settings) ->
                fallbacks.put(model, settings.fallbacks().stream().map(Route::parse).toList()));
    }

    List<Route> routes(String provider, String model) {
        var routes = new LinkedHashSet<Route>();
        routes.add(new Route(provider, model));
        routes.addAll(fallbacks.getOrDefault(model, List.of()));
        return new ArrayList<>(routes);
    }
}
