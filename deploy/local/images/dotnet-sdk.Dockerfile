# A local equivalent of mcr.microsoft.com/dotnet/sdk:<version>: the local aspnet image (BASE) plus this machine's .NET
# SDK, and python3 for the worker's Debian 12 build step (tools/weaken-glibcxx.py). TLS to NuGet is intercepted by a
# proxy on the development machine: its CA bundle is staged into this context at build time (never in the repo) and
# trusted here, and revocation is checked offline, as on that machine.
ARG BASE
FROM ${BASE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ARG DOTNET_SDK_VERSION
ENV DOTNET_SDK_VERSION=${DOTNET_SDK_VERSION} \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    NUGET_CERT_REVOCATION_MODE=offline \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_GENERATE_ASPNET_CERTIFICATE=false \
    DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=true
COPY dotnet /usr/share/dotnet
RUN dotnet --list-sdks
