# trawl worker and CLI image: docker build -t trawl . (docker-compose.yml builds it for you).

# 1. Build: the same Maven wrapper and module graph as ./trawl, tests left to CI.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# The poms first, so the dependency download is a cached layer until a pom changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY workflows/pom.xml workflows/
COPY sandbox/pom.xml sandbox/
COPY activities/pom.xml activities/
COPY worker/pom.xml worker/
COPY starter/pom.xml starter/
RUN ./mvnw -B -ntp -q -pl starter -am dependency:go-offline || true
COPY workflows workflows
COPY sandbox sandbox
COPY activities activities
COPY worker worker
COPY starter starter
RUN ./mvnw -B -ntp -q -pl starter -am package -DskipTests

# 2. Runtime: a JRE, the thin jar and its lib/ directory, run as an unprivileged user.
FROM eclipse-temurin:21-jre
# curl is for the container health check against /healthz.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 trawl \
    && useradd --system --uid 10001 --gid trawl --home-dir /var/lib/trawl --create-home trawl
COPY --from=build /src/starter/target/trawl.jar /opt/trawl/trawl.jar
COPY --from=build /src/starter/target/lib /opt/trawl/lib
COPY deploy/trawl-entrypoint.sh /usr/local/bin/trawl
RUN chmod 0755 /usr/local/bin/trawl
USER trawl
WORKDIR /var/lib/trawl
ENV TRAWL_HOME=/var/lib/trawl \
    TRAWL_DATA_DIR=/var/lib/trawl/data \
    TRAWL_METRICS_PORT=9464
EXPOSE 9464
ENTRYPOINT ["/usr/local/bin/trawl"]
CMD ["worker"]
