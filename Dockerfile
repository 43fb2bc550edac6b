# buildermock in a container: build a release binary with the Swift toolchain image, run it on slim
# Debian. The build step is scripts/install.sh, the same script the README and CI use.
#
#   docker build -t buildermock .
#   docker run -p 8080:8080 -v bm-data:/data -e BUILDERMOCK_ADMIN_TOKEN=change-me buildermock
#
# Inside the container the server binds 0.0.0.0, so the admin API (/__admin/*) needs
# `Authorization: Bearer $BUILDERMOCK_ADMIN_TOKEN`. Every serve option is a BUILDERMOCK_* variable.

ARG SWIFT_VERSION=6.3.1

FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-dev zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY fixtures ./fixtures
COPY scripts/install.sh scripts/startup-order.txt ./scripts/
RUN scripts/install.sh /opt/buildermock

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-0 zlib1g curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 buildermock \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data --shell /usr/sbin/nologin buildermock \
 && install -d -o buildermock -g buildermock /data
COPY --from=build /opt/buildermock /opt/buildermock
ENV PATH=/opt/buildermock/bin:$PATH \
    BUILDERMOCK_HOST=0.0.0.0 \
    BUILDERMOCK_PORT=8080 \
    BUILDERMOCK_DB=/data/buildermock.sqlite \
    BUILDERMOCK_LOG_FORMAT=json
USER 10001:10001
WORKDIR /data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["sh", "-c", "curl -fsS -H \"Authorization: Bearer ${BUILDERMOCK_ADMIN_TOKEN:-}\" http://127.0.0.1:${BUILDERMOCK_PORT}/__admin/health || exit 1"]
ENTRYPOINT ["buildermock"]
CMD ["serve"]
