# GPU worker: TorchSharp with the CUDA libtorch (TorchSharp-cuda-linux, several GB of native libraries).
#   docker build -f deploy/worker-gpu.Dockerfile -t vaefaces/worker-gpu .
# NOT BUILT OR RUN ON THE DEVELOPMENT MACHINE: its restore needs TorchSharp-cuda-linux, which that machine's NuGet
# source does not serve (NU1101); deploy/check checks it statically only.
# Runs with the NVIDIA container toolkit on the host (docker run --gpus 1, compose device reservations,
# or nvidia.com/gpu in Kubernetes); the image carries no CUDA toolkit, only what libtorch ships.
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
RUN dotnet restore src/Worker/VaeFaces.Worker.csproj -p:TorchBackend=cuda
COPY tools/ tools/
COPY src/Contracts/ src/Contracts/
COPY src/Messaging/ src/Messaging/
COPY src/Ml/ src/Ml/
COPY src/Storage/ src/Storage/
COPY src/Worker/ src/Worker/
RUN dotnet publish src/Worker/VaeFaces.Worker.csproj -c Release --no-restore \
      -p:TorchBackend=cuda -p:WeakenGlibcxx=${WEAKEN_GLIBCXX} -p:UseAppHost=false -o /app

FROM ${RUNTIME_IMAGE}
ARG TCMALLOC_PACKAGE=libtcmalloc-minimal4t64
# tcmalloc: with glibc malloc the large activation buffers are mapped and unmapped every step; preloading
# tcmalloc measured ~1.4x training speed and flat memory.
RUN apt-get update \
 && apt-get install -y --no-install-recommends "$TCMALLOC_PACKAGE" \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/cache/vaefaces && chown "$APP_UID" /var/cache/vaefaces
ENV LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    Worker__CacheDirectory=/var/cache/vaefaces \
    Worker__ConcurrentJobs=1
WORKDIR /app
COPY --from=build /app ./
# Decoded datasets and downloaded blobs: keep them across restarts.
VOLUME /var/cache/vaefaces
# The .NET images' non-root user (app, UID 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "VaeFaces.Worker.dll"]
