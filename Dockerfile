# Multi-stage build: Maven and JDK 17 to build, a JRE 17 to run.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -DskipTests dependency:resolve
COPY cypher cypher
COPY src src
RUN ./mvnw -B -q -DskipTests package \
    && java -Djarmode=tools -jar target/mineral-supply-graph-*.jar extract --destination /src/extracted \
    && mv /src/extracted/mineral-supply-graph-*.jar /src/extracted/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The extracted layout (plain jars in lib/) starts faster than the nested Boot jar: see docs/benchmarks.md.
COPY --from=build /src/extracted/ ./
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
