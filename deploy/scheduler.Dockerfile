# Scheduler: job API, job state in PostgreSQL, Hangfire schedules (read-only dashboard on /hangfire), the web UI (jobs
# dashboard and the latent explorer, which decodes on CPU with TorchSharp's CPU libtorch), /health/live and /health/ready.
#   docker build -f deploy/scheduler.Dockerfile -t vaefaces/scheduler .
# Base images are build arguments, the official .NET images (Ubuntu 24.04) by default; where no registry is
# reachable, deploy/local/build-images builds Debian 12 equivalents and passes --build-arg SDK_IMAGE=... RUNTIME_IMAGE=...
# and WEAKEN_GLIBCXX=true (Debian 12's libstdc++ lacks GLIBCXX_3.4.32; see worker-cpu.Dockerfile).
# global.json pins SDK 10.0.401 with rollForward latestFeature: the SDK image must carry 10.0.401 or newer
# (pass an exact tag, e.g. --build-arg SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401-noble, if 10.0 is older).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-noble

FROM ${SDK_IMAGE} AS build
# Marks the build stage, so deploy/local/build-images can remove it once the image is built (the classic builder keeps it).
LABEL vaefaces.build-stage=true
ARG WEAKEN_GLIBCXX=false
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/Contracts/VaeFaces.Contracts.csproj src/Contracts/
COPY src/Messaging/VaeFaces.Messaging.csproj src/Messaging/
COPY src/Ml/VaeFaces.Ml.csproj src/Ml/
COPY src/Storage/VaeFaces.Storage.csproj src/Storage/
COPY src/Scheduler/VaeFaces.Scheduler.csproj src/Scheduler/
RUN dotnet restore src/Scheduler/VaeFaces.Scheduler.csproj
COPY tools/ tools/
COPY src/Contracts/ src/Contracts/
COPY src/Messaging/ src/Messaging/
COPY src/Ml/ src/Ml/
COPY src/Storage/ src/Storage/
COPY src/Scheduler/ src/Scheduler/
RUN dotnet publish src/Scheduler/VaeFaces.Scheduler.csproj -c Release --no-restore \
      -p:WeakenGlibcxx=${WEAKEN_GLIBCXX} -p:UseAppHost=false -o /app

FROM ${RUNTIME_IMAGE}
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
