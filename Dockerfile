# kflint in a container (Debian 12). Build: docker build -t kflint:latest .
# Run:   docker run --rm -v "$PWD:/src" -w /src kflint:latest check jobs/
FROM debian:12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential cmake ninja-build pkg-config git ca-certificates unzip \
      libyaml-cpp-dev libvalijson-dev libtree-sitter-dev nlohmann-json3-dev libcli11-dev python3 python3-yaml nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN npm ci --prefix third_party --ignore-scripts --no-audit --no-fund \
 && cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKFLINT_BUILD_TESTS=OFF \
 && cmake --build /build --target kflint \
 && strip /build/kflint

FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libyaml-cpp0.7 libtree-sitter0 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home kflint
COPY --from=build /build/kflint /usr/local/bin/kflint
USER kflint
ENTRYPOINT ["/usr/local/bin/kflint"]
CMD ["check", "."]
