# syntax=docker/dockerfile:1
# Scheduler: job API, job state in PostgreSQL, Hangfire schedules (read-only dashboard on /hangfire), /health/live and /health/ready.
#   docker build -f deploy/scheduler.Dockerfile -t vaefaces/scheduler .
# global.json pins SDK 10.0.401 with rollForward latestFeature: the SDK image must carry 10.0.401 or newer
# (override with --build-arg SDK_TAG=... if the 10.0 tag still points at an older feature band).
ARG SDK_TAG=10.0-noble
ARG RUNTIME_TAG=10.0-noble

FROM mcr.microsoft.com/dotnet/sdk:${SDK_TAG} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/Contracts/VaeFaces.Contracts.csproj src/Contracts/
COPY src/Messaging/VaeFaces.Messaging.csproj src/Messaging/
COPY src/Scheduler/VaeFaces.Scheduler.csproj src/Scheduler/
RUN dotnet restore src/Scheduler/VaeFaces.Scheduler.csproj
COPY src/Contracts/ src/Contracts/
COPY src/Messaging/ src/Messaging/
COPY src/Scheduler/ src/Scheduler/
RUN dotnet publish src/Scheduler/VaeFaces.Scheduler.csproj -c Release --no-restore -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${RUNTIME_TAG}
# curl for the health check (the .NET images carry neither curl nor wget).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
ENV ASPNETCORE_HTTP_PORTS=8080
WORKDIR /app
COPY --from=build /app ./
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=6 CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["dotnet", "VaeFaces.Scheduler.dll"]
