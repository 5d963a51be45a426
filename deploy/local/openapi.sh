#!/usr/bin/env bash
# Writes docs/openapi.json anew from what the service serves, after a change of the API (review the diff,
# then commit it): runs every integration test, adds the problem types they saw and the document did not
# list to ledger-service/src/main/resources/openapi/problems.tsv (ObservedProblemsIT), then writes the
# document from a service that lists them (OpenApiDocumentIT), and lints it (tools/spectral/lint.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -T1 -pl ledger-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true
mvn -q -T1 -pl ledger-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiDocumentIT -Dopenapi.write=true
tools/spectral/lint.sh
git status --short docs/openapi.json ledger-service/src/main/resources/openapi/
