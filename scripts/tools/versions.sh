#!/usr/bin/env bash
# The versions of the command-line tools the platform checks use, in the project's tests and in
# the fork's workflows alike (scripts/tools/build.sh). Sourced.
# actionlint: lints .github/workflows, and the shell of every run: step through shellcheck.
TOOLS_ACTIONLINT=v1.7.12
# kustomize: the release built on sigs.k8s.io/kustomize/api v0.21.1, the version the pinned
# Flux's kustomize-controller builds with (tests/platform/fork-ci-tools.test.ts checks this).
TOOLS_KUSTOMIZE=v5.8.1
# OpenTofu, for `fmt -check` only: Terraform's own module cannot be built from the Go proxy (its
# go.mod replaces nested modules by folders the module zip leaves out).
TOOLS_TOFU=v1.10.6
export TOOLS_ACTIONLINT TOOLS_KUSTOMIZE TOOLS_TOFU
