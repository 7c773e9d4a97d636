# kflint in a container: the portable executable on debian:12-slim, running as a non-root user.
# The build stage installs the build dependencies only and runs the same release script the test
# suite runs (scripts/setup.sh build, scripts/release.sh). No container engine runs on the
# project's own machines, so the suite checks this file without one (tests/e2e/dockerfile_check.sh).
# Build: docker build -t kflint:latest .
# Run:   docker run --rm -v "$PWD:/src" -w /src kflint:latest check jobs/
FROM debian:12-slim AS build
WORKDIR /src
COPY . .
RUN scripts/setup.sh build \
 && scripts/release.sh --out /artifacts \
 && mkdir -p /opt/kflint \
 && tar -xzf /artifacts/kflint-*-linux-x86_64.tar.gz -C /opt/kflint --strip-components=1

FROM debian:12-slim
COPY --from=build /opt/kflint/bin/kflint /usr/local/bin/kflint
COPY --from=build /opt/kflint/share /usr/local/share
RUN useradd --system --no-create-home kflint
USER kflint
ENTRYPOINT ["/usr/local/bin/kflint"]
CMD ["check", "."]
