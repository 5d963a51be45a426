# Build: docker build -t ledger-service .   (from the repository root)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first, so the dependency download below is cached until a pom changes.
COPY pom.xml .
COPY contracts-api/pom.xml contracts-api/
COPY projections/pom.xml projections/
COPY ledger-service/pom.xml ledger-service/
# Best-effort prefetch: go-offline cannot resolve sibling modules that are not built yet,
# so a failure here is tolerated; package below downloads whatever is still missing.
RUN mvn -q -B dependency:go-offline || true
COPY contracts-api/src contracts-api/src
COPY projections/src projections/src
COPY ledger-service/src ledger-service/src
RUN mvn -q -T1 -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 ledger \
 && useradd --system --uid 10001 --gid ledger --no-create-home --shell /usr/sbin/nologin ledger
WORKDIR /app
COPY --from=build /src/ledger-service/target/ledger-service.jar /app/ledger-service.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/ledger-service.jar"]
