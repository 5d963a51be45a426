#!/usr/bin/env bash
# Writes docs/openapi.json anew from what the service serves, after a change of the API (review the diff,
# then commit it): runs every test and writes ledger-service/src/main/resources/openapi/problems.tsv as the
# problem types the integration tests saw each operation answer with, and the account's fixture tests saw
# each command refused by (ObservedProblemsIT), then writes the document
# from a service that lists them (OpenApiDocumentIT), and lints it (tools/spectral/lint.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -T1 -pl ledger-service -am verify -Dopenapi.write=true
mvn -q -T1 -pl ledger-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiDocumentIT -Dopenapi.write=true
tools/spectral/lint.sh
git status --short docs/openapi.json ledger-service/src/main/resources/openapi/
