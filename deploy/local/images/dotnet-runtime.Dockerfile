# A local equivalent of mcr.microsoft.com/dotnet/runtime:<version> on Debian 12: what the official runtime-deps image
# installs (ca-certificates, libicu, libssl, libstdc++, tzdata, zlib), the non-root user app (UID 1654, APP_UID) it
# defines, and this machine's shared .NET runtime, staged into this context by deploy/local/build-images.
ARG BASE
FROM ${BASE}
# Like Debian's and Ubuntu's official images: apt keeps no package cache (~85 MB), also for the images built on this.
RUN printf '%s\n' 'Dir::Cache::pkgcache "";' 'Dir::Cache::srcpkgcache "";' \
      'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };' \
      'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };' \
      >/etc/apt/apt.conf.d/docker-clean \
 && apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g >/dev/null \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid=1654 app \
 && useradd --no-log-init --uid=1654 --gid=1654 --create-home app
ARG DOTNET_VERSION
ENV APP_UID=1654 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_VERSION=${DOTNET_VERSION}
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && dotnet --list-runtimes
