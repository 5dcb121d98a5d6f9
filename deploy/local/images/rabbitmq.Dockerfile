# A local equivalent of the official rabbitmq:<version>-management image, from Debian's rabbitmq-server (3.10 in
# bookworm): AMQP on 5672, management on 15672, RABBITMQ_DEFAULT_USER/PASS honoured by the server itself, logs on
# stdout ("Server startup complete" is what the tests wait for), advanced.config read from /etc/rabbitmq.
ARG BASE
FROM ${BASE}
# No init system here: keep the package scripts from trying to start a node during the build.
RUN printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d \
 && apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null \
 && rm -rf /var/lib/apt/lists/* /usr/sbin/policy-rc.d \
 && rabbitmq-plugins enable --offline rabbitmq_management \
 && echo "loopback_users = none" >/etc/rabbitmq/rabbitmq.conf
ENV RABBITMQ_LOGS=- HOME=/var/lib/rabbitmq
USER rabbitmq
EXPOSE 5672 15672
CMD ["/usr/lib/rabbitmq/bin/rabbitmq-server"]
