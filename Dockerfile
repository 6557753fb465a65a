# Builds the netdock image: `docker build -t netdock .`
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY db db
COPY openapi openapi
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends libnftables1 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/netdock.jar /opt/netdock/netdock.jar
VOLUME ["/var/lib/netdock"]
# 2375 plain HTTP; 2376 when started with netdock.tls.* (see the README "Security" section)
EXPOSE 2375 2376
ENTRYPOINT ["java", "-jar", "/opt/netdock/netdock.jar"]
