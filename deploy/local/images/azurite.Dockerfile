# A local equivalent of mcr.microsoft.com/azure-storage/azurite:<version>: Debian's Node.js and the same azurite
# release from npm (installed by deploy/local/build-images into this context), in /opt/azurite as there.
ARG BASE
FROM ${BASE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY node_modules /opt/azurite/node_modules
ENV PATH=/opt/azurite/node_modules/.bin:$PATH
WORKDIR /opt/azurite
VOLUME /data
EXPOSE 10000 10001 10002
CMD ["azurite", "-l", "/data", "--blobHost", "0.0.0.0", "--queueHost", "0.0.0.0", "--tableHost", "0.0.0.0", "--disableTelemetry"]
