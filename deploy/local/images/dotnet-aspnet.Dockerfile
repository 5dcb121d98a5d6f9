# A local equivalent of mcr.microsoft.com/dotnet/aspnet:<version>: the local runtime image (BASE) plus this machine's
# ASP.NET Core shared runtime, listening on 8080 as the official image does.
ARG BASE
FROM ${BASE}
ARG ASPNET_VERSION
ENV ASPNET_VERSION=${ASPNET_VERSION} \
    ASPNETCORE_HTTP_PORTS=8080
COPY dotnet /usr/share/dotnet
RUN dotnet --list-runtimes | grep -q Microsoft.AspNetCore.App
