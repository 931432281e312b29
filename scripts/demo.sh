#!/usr/bin/env bash
# make demo: the story on the files in Examples/, each step printed. $1 is the built cmevc binary.
set -uo pipefail
cmevc=${1:?usage: demo.sh path/to/cmevc}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/demo-out"
rm -rf "$out" && mkdir -p "$out"
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; "${@:2}"; echo "(exit $?)"; }

step "1. The provider generates its signing key (mode 0600)" \
  "$cmevc" keys generate --type ed25519 --out "$out/provider.pem"
step "2. The key's public forms (the secret is never printed)" \
  "$cmevc" keys show "$out/provider.pem"
step "3. Sign an example CME credential" \
  "$cmevc" sign --key "$out/provider.pem" --out "$out/signed.json" "$root/Examples/credentials/opioid-prescribing-2026.json"
step "4. Verify it (proofs only)" \
  "$cmevc" verify --proof-only "$out/signed.json"
sed 's/"creditsEarned": 3/"creditsEarned": 30/' "$out/signed.json" > "$out/tampered.json"
step "5. Someone raises the credits from 3 to 30 and verifies again: it fails" \
  "$cmevc" verify --proof-only "$out/tampered.json"
echo
echo "demo files are in demo-out/"
