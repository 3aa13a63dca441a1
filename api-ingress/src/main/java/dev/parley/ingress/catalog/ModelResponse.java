package dev.parley.ingress.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

record ModelResponse(String id, String provider, @JsonProperty("default") boolean isDefault) {

    static ModelResponse of(CatalogModel model) {
        return new ModelResponse(model.id(), model.provider(), model.isDefault());
    }
}
