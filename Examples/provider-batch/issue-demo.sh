#!/usr/bin/env bash
# The provider's daily job on the example batch: create an issuer, issue attendance.csv (one row is
# deliberately bad and is reported by line), revoke one credential, publish the status lists, check the
# audit log.   Usage: issue-demo.sh PATH/TO/cmevc [WORK_DIR]
set -u
CMEVC=${1:?usage: issue-demo.sh PATH/TO/cmevc [WORK_DIR]}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${2:-$(mktemp -d)}
cd "$WORK" || exit 2
step() { printf '\n$ %s\n' "$*"; "$@"; }

step "$CMEVC" keys generate --type ed25519 --out provider.pem
DID=$("$CMEVC" keys show provider.pem | awk '/^did:/ {print $2}')
step "$CMEVC" issuer init issuer --id "$DID" --name "Example Hospital CME Office" --key provider.pem \
  --status-base-url https://cme.example-hospital.org/status --provider-id 0001234
# Exit status 1 is expected here: line 12 of attendance.csv has an NPI with a wrong check digit.
step "$CMEVC" issue --issuer issuer --out credentials "$HERE/attendance.csv"
echo "(exit $? expected 1: one record rejected, the others issued)"
FIRST=$(ls credentials/*.json | head -n 1)
step "$CMEVC" verify --proof-only "$FIRST"
step "$CMEVC" status revoke --issuer issuer --reason "issued in error" "$FIRST"
step "$CMEVC" status publish --issuer issuer --out status --ttl 7d
step "$CMEVC" audit verify --issuer issuer
echo
echo "work directory: $WORK"
