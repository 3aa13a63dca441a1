/**
 * The pipeline that turns a message into a request on Kafka: checks and context ({@code ChatRequestService}, the
 * stateless {@code StatelessChats} of the /v1 edge), model and provider route with its credential
 * ({@code ChatRoutes}), the reservation ({@code ChatAdmission}), storage through the message feature's
 * {@code Exchanges}, and publishing ({@code RequestPublisher}); posting, regenerating, editing, switching branches
 * and cancelling ({@code CancelRequested}).
 */
package dev.parley.ingress.submission;
