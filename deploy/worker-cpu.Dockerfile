# syntax=docker/dockerfile:1
# CPU worker: TorchSharp with the CPU libtorch (libtorch-cpu-linux-x64), the build's default backend.
#   docker build -f deploy/worker-cpu.Dockerfile -t vaefaces/worker-cpu .
# For machines without GPUs (compose profile "cpu"). Set Worker__ConcurrentJobs and cpus to taste.
# .NET 10 images are Ubuntu 24.04 (noble): its libstdc++ has GLIBCXX_3.4.32, so the Debian 12 patch
# step (tools/weaken-glibcxx.py, needs python3) is switched off with WeakenGlibcxx=false.
# global.json pins SDK 10.0.401 with rollForward latestFeature: the SDK image must carry 10.0.401 or newer
# (override with --build-arg SDK_TAG=... if the 10.0 tag still points at an older feature band).
ARG SDK_TAG=10.0-noble
ARG RUNTIME_TAG=10.0-noble

FROM mcr.microsoft.com/dotnet/sdk:${SDK_TAG} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/Contracts/VaeFaces.Contracts.csproj src/Contracts/
COPY src/Messaging/VaeFaces.Messaging.csproj src/Messaging/
COPY src/Ml/VaeFaces.Ml.csproj src/Ml/
COPY src/Storage/VaeFaces.Storage.csproj src/Storage/
COPY src/Worker/VaeFaces.Worker.csproj src/Worker/
RUN dotnet restore src/Worker/VaeFaces.Worker.csproj
COPY tools/ tools/
COPY src/Contracts/ src/Contracts/
COPY src/Messaging/ src/Messaging/
COPY src/Ml/ src/Ml/
COPY src/Storage/ src/Storage/
COPY src/Worker/ src/Worker/
RUN dotnet publish src/Worker/VaeFaces.Worker.csproj -c Release --no-restore \
      -p:WeakenGlibcxx=false -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/runtime:${RUNTIME_TAG}
# tcmalloc: with glibc malloc the large activation buffers are mapped and unmapped every step; preloading
# tcmalloc measured ~1.4x training speed and flat memory.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libtcmalloc-minimal4t64 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/cache/vaefaces && chown "$APP_UID" /var/cache/vaefaces
ENV LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 \
    Worker__CacheDirectory=/var/cache/vaefaces \
    Worker__ConcurrentJobs=1
WORKDIR /app
COPY --from=build /app ./
# Decoded datasets and downloaded blobs: keep them across restarts.
VOLUME /var/cache/vaefaces
# The .NET images' non-root user (app, UID 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "VaeFaces.Worker.dll"]
