# syntax=docker/dockerfile:1
# One image recipe for the three Parley services; MODULE picks which one:
#   docker build --build-arg MODULE=api-ingress -t parley/api-ingress .
# (docker-compose.yml builds all three.)

# --- build: the whole reactor, as ./parley up and CI build it. It does not depend on MODULE, so the three
# images share one build.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests package \
    && mkdir /out \
    && for jar in */target/*-exec.jar; do \
        java -Djarmode=tools -jar "$jar" extract --destination "/out/${jar%%/*}" --application-filename app.jar; \
    done

# --- runtime: a JRE and one service, extracted (the application jar plus lib/), run as an unprivileged user.
# Extracted rather than the fat jar: Spring Boot's nested-jar class loading can wedge a JVM whose virtual threads
# load classes at once (docs/decisions.md, "Services run from their extracted jars").
FROM eclipse-temurin:21-jre AS runtime
ARG MODULE
RUN test -n "$MODULE" || { echo "build with --build-arg MODULE=api-ingress|llm-worker|usage-accounting" >&2; exit 1; } \
    && groupadd --system parley \
    && useradd --system --gid parley --home-dir /app --no-create-home --shell /usr/sbin/nologin parley
WORKDIR /app
COPY --from=build /out/${MODULE}/ /app/
# docker-compose.yml derives PARLEY_<PROVIDER>_ENABLED from the provider's key, so it passes "" when the key
# is unset; Spring cannot bind "" to a boolean (api-ingress would not start), so an empty flag means false.
# The heap follows the container's memory limit; an OutOfMemoryError restarts the container instead of
# limping on. JAVA_TOOL_OPTIONS adds JVM options without a rebuild.
COPY --chmod=755 <<'EOF' /app/entrypoint.sh
#!/bin/sh
export PARLEY_OPENAI_ENABLED="${PARLEY_OPENAI_ENABLED:-false}"
export PARLEY_OPENROUTER_ENABLED="${PARLEY_OPENROUTER_ENABLED:-false}"
export PARLEY_ANTHROPIC_ENABLED="${PARLEY_ANTHROPIC_ENABLED:-false}"
export PARLEY_GROQ_ENABLED="${PARLEY_GROQ_ENABLED:-false}"
export PARLEY_TOGETHER_ENABLED="${PARLEY_TOGETHER_ENABLED:-false}"
export PARLEY_HUGGINGFACE_ENABLED="${PARLEY_HUGGINGFACE_ENABLED:-false}"
exec java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -jar /app/app.jar "$@"
EOF
USER parley
LABEL org.opencontainers.image.title="parley-${MODULE}" \
      org.opencontainers.image.description="Parley ${MODULE}: event-driven multi-provider LLM chat backend"
ENTRYPOINT ["/app/entrypoint.sh"]
