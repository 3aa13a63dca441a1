#!/bin/bash
# docker-compose.yml's kafka-setup: as the Kafka admin, creates Parley's topics and gives each service the ACLs
# of what it does, and nothing more (docs/security.md, "Kafka"). Idempotent: run on every `docker compose up`.
set -euo pipefail

BOOTSTRAP=kafka:9092
BIN=/opt/kafka/bin
PARTITIONS=${PARLEY_PARTITIONS:-6}
ADMIN=/tmp/admin.properties
cat > "$ADMIN" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_PASSWORD}";
PROPERTIES

for topic in chat.requests chat.stream chat.control usage.recorded balance.alerts catalog.prices; do
    for name in "$topic" "$topic-dlt"; do
        "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
            --topic "$name" --partitions "$PARTITIONS" --replication-factor 1
    done
done
# the catalog's current prices: compacted, a replaced or removed price kept an hour (as the services declare it)
"$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter --entity-type topics \
    --entity-name catalog.prices --add-config cleanup.policy=compact,min.compaction.lag.ms=3600000

acl() {
    "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add --force "$@" > /dev/null
}
# user, operation, then the topics it may do it on (and describe)
grant() {
    local user=$1 operation=$2 topic
    shift 2
    for topic in "$@"; do
        acl --allow-principal "User:$user" --operation "$operation" --operation Describe --topic "$topic"
    done
}
# user, then the topics it may write (its own events, and the dead letters of what it consumes)
writes() {
    local user=$1
    shift
    grant "$user" Write "$@"
}
# user, then the topics it consumes
reads() {
    local user=$1
    shift
    grant "$user" Read "$@"
}
# user, pattern type, group: its consumer groups
group() {
    acl --allow-principal "User:$1" --operation Read --resource-pattern-type "$2" --group "$3"
}

for user in api-ingress llm-worker usage-accounting; do
    # each service checks at startup that the topics exist
    acl --allow-principal "User:$user" --operation Describe --operation DescribeConfigs \
        --resource-pattern-type prefixed --topic chat. --topic usage. --topic balance. --topic catalog.
done

writes api-ingress chat.requests chat.control chat.stream-dlt catalog.prices
reads api-ingress chat.stream
group api-ingress literal api-ingress
group api-ingress prefixed api-ingress-fanout-

writes llm-worker chat.stream usage.recorded chat.requests-dlt chat.control-dlt
reads llm-worker chat.requests chat.control
group llm-worker literal llm-worker
group llm-worker prefixed llm-worker-control-

writes usage-accounting balance.alerts usage.recorded-dlt
# catalog.prices: every instance reads all of it without a group
reads usage-accounting usage.recorded catalog.prices
group usage-accounting literal usage-accounting

echo "Parley topics and ACLs are in place"
