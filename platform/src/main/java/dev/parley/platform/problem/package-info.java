/**
 * The one problem vocabulary of Parley's HTTP APIs, public and internal: the stable RFC 9457 {@code type} URIs with
 * their statuses and titles ({@link dev.parley.platform.problem.ProblemKind}), the exception features throw
 * ({@link dev.parley.platform.problem.ApiProblem}), and the advice every service's own advice extends
 * ({@link dev.parley.platform.problem.ProblemAdvice}). A caller of another service maps its problems by type with
 * {@link dev.parley.platform.problem.ProblemKind#ofType}.
 */
package dev.parley.platform.problem;
