# CPU worker: TorchSharp with the CPU libtorch (libtorch-cpu-linux-x64), the build's default backend.
#   docker build -f deploy/worker-cpu.Dockerfile -t vaefaces/worker-cpu .
# For machines without GPUs (compose profile "cpu"). Set Worker__ConcurrentJobs and cpus to taste.
# Base images are build arguments, the official .NET images (Ubuntu 24.04) by default; where no registry is
# reachable, deploy/local/build-images builds Debian 12 equivalents and passes them with the two Debian settings:
#   --build-arg WEAKEN_GLIBCXX=true            Debian 12's libstdc++ lacks GLIBCXX_3.4.32 (tools/weaken-glibcxx.py,
#                                              needs python3 in the SDK image); Ubuntu 24.04's has it: false
#   --build-arg TCMALLOC_PACKAGE=libtcmalloc-minimal4   the package's name on Debian 12 (Ubuntu 24.04: ...4t64)
# global.json pins SDK 10.0.401 with rollForward latestFeature: the SDK image must carry 10.0.401 or newer
# (pass an exact tag, e.g. --build-arg SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401-noble, if 10.0 is older).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0-noble

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
COPY src/Worker/VaeFaces.Worker.csproj src/Worker/
RUN dotnet restore src/Worker/VaeFaces.Worker.csproj
COPY tools/ tools/
COPY src/Contracts/ src/Contracts/
COPY src/Messaging/ src/Messaging/
COPY src/Ml/ src/Ml/
COPY src/Storage/ src/Storage/
COPY src/Worker/ src/Worker/
RUN dotnet publish src/Worker/VaeFaces.Worker.csproj -c Release --no-restore \
      -p:WeakenGlibcxx=${WEAKEN_GLIBCXX} -p:UseAppHost=false -o /app

FROM ${RUNTIME_IMAGE}
ARG TCMALLOC_PACKAGE=libtcmalloc-minimal4t64
# tcmalloc: with glibc malloc the large activation buffers are mapped and unmapped every step; preloading
# tcmalloc measured ~1.4x training speed and flat memory.
RUN apt-get update \
 && apt-get install -y --no-install-recommends "$TCMALLOC_PACKAGE" \
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
