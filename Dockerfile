# The netdock image: `docker build -t netdock .` (or `docker compose up`, see docker-compose.yml).
# Runs netdock through its launcher, scripts/netdock, with the class cache trained at build time for this image's
# Java runtime, so a container answers its first /_ping about as fast as `scripts/netdock` does on a host.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY db db
COPY openapi openapi
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# libnftables1: linux mode; curl: the healthcheck and the launcher's training run
RUN apt-get update && apt-get install -y --no-install-recommends libnftables1 curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 2375 netdock
COPY scripts/netdock /opt/netdock/scripts/netdock
COPY --from=build /src/target/netdock.jar /opt/netdock/target/netdock.jar
# NETDOCK_JAR: the launcher runs this jar as it is (never rebuilds); NETDOCK_CACHE_DIR: the extracted jar and the
# class cache, made now by --prepare for this Java runtime.
ENV NETDOCK_JAR=/opt/netdock/target/netdock.jar \
    NETDOCK_CACHE_DIR=/opt/netdock/launch \
    NETDOCK_STATE_DIR=/var/lib/netdock \
    NETDOCK_SOCKET=/run/netdock/docker.sock
RUN /opt/netdock/scripts/netdock --prepare
WORKDIR /var/lib/netdock
VOLUME ["/var/lib/netdock"]
# 2375 plain HTTP; 2376 when started with netdock.tls.* (see the README "Security" section)
EXPOSE 2375 2376
# Over the socket, which speaks plain HTTP whatever the TCP listener does (TLS, another port)
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -sf -o /dev/null --unix-socket "$NETDOCK_SOCKET" http://netdock/_ping || exit 1
ENTRYPOINT ["/opt/netdock/scripts/netdock"]
