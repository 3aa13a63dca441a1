/**
 * The provider and model catalog: administrators' CRUD, seeding from configuration, refresh across instances,
 * sealing of server keys, price sync to usage-accounting, and the routing of a request to a provider and model.
 */
package dev.parley.ingress.catalog;
