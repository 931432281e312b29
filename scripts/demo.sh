#!/usr/bin/env bash
# make demo: the whole story on the files in Examples/, each step printed. $1 is the built cmevc binary.
#
# The provider issues a batch; a physician imports their certificate into a wallet and presents it to a
# hospital with the hospital's challenge; the hospital verifies offline against Examples/registry.json and
# the published status lists; the provider revokes the certificate and republishes; the hospital verifies
# again and sees exactly that credential fail; its department compliance report lists it as not counted; the
# provider reports the completions still in force to ACCME PARS.
set -uo pipefail
cmevc=${1:?usage: demo.sh path/to/cmevc}
root=$(cd "$(dirname "$0")/.." && pwd)
ex="$root/Examples"
out="${DEMO_OUT:-$root/demo-out}"
rm -rf "$out" && mkdir -p "$out"
cd "$root" || exit 2
operator="did:key:z6Mkg1h6JE5MpMRSEwfM6nKj8XcwFJZf39qLQBp9gHjQfZjT"   # pinned: Examples/keys/README.md
challenge="a7f3c9e1-hospital-credentialing-2026"
failures=0

step() {  # step "title" expected-exit command...
  local title=$1 expected=$2; shift 2
  printf '\n\033[1m== %s\033[0m\n$ %s\n' "$title" "${*/#$root\//}"
  "$@"
  local status=$?
  if [ "$status" -eq "$expected" ]; then echo "(exit $status, as expected)"; else
    echo "(exit $status, EXPECTED $expected)"; failures=$((failures + 1)); fi
}

echo "cmevc demo: Example Hospital CME Office → Dr. James O'Neill → Example Regional Hospital"

step "1. Provider: create the issuer directory (profile, key reference, ledger)" 0 \
  "$cmevc" issuer init "$out/issuer" --id did:web:cme.example-hospital.org --name "Example Hospital CME Office" \
  --key "$ex/keys/provider-2026.pem" --verification-method did:web:cme.example-hospital.org#key-2026 \
  --status-base-url https://cme.example-hospital.org/status --provider-id 0001234

step "2. Provider: issue the attendance export (line 12 has a bad NPI check digit and is rejected)" 1 \
  "$cmevc" issue --issuer "$out/issuer" --out "$out/credentials" "$ex/provider-batch/attendance.csv"

step "3. Provider: publish the signed status lists" 0 \
  "$cmevc" status publish --issuer "$out/issuer" --out "$out/status" --ttl 7d

certificate=$(grep -l "O'Neill" "$out"/credentials/*.json | head -n 1)
step "4. Physician: make a holder key" 0 "$cmevc" keys generate --type ed25519 --out "$out/physician.pem"
step "5. Physician: import the certificate into the wallet (its proof is checked)" 0 \
  "$cmevc" wallet import --wallet "$out/wallet" --registry "$ex/registry.json" "$certificate"
step "6. Physician: the transcript" 0 "$cmevc" wallet list --wallet "$out/wallet"
step "7. Physician: present to the hospital, bound to its challenge and domain" 0 \
  "$cmevc" present --wallet "$out/wallet" --key "$out/physician.pem" --challenge "$challenge" \
  --domain credentialing.example-regional.org --out "$out/presentation.json"

verify() {
  "$cmevc" verify --registry "$ex/registry.json" --registry-key "$operator" --status-dir "$out/status" \
    --challenge "$challenge" --domain credentialing.example-regional.org --subject-npi 1987654328 "$@"
}
step "8. Hospital: verify offline against the registry and the status lists" 0 verify "$out/presentation.json"

step "9. Hospital: a replayed presentation (another challenge) is refused" 1 \
  "$cmevc" verify --registry "$ex/registry.json" --registry-key "$operator" --status-dir "$out/status" \
  --challenge another-challenge --domain credentialing.example-regional.org "$out/presentation.json"

sed -E 's/"creditsEarned": [0-9.]+/"creditsEarned": 30/' "$out/presentation.json" > "$out/tampered.json"
cmp -s "$out/presentation.json" "$out/tampered.json" && { echo "tampering did not change the file"; failures=$((failures + 1)); }
step "10. Hospital: a copy with the credits raised to 30 fails" 1 verify "$out/tampered.json"

step "11. Provider: revoke the certificate" 0 \
  "$cmevc" status revoke --issuer "$out/issuer" --reason "attendance could not be confirmed" "$certificate"
step "12. Provider: republish the status lists" 0 \
  "$cmevc" status publish --issuer "$out/issuer" --out "$out/status" --ttl 7d
step "13. Hospital: verify again: exactly that credential now fails its status check" 1 verify "$out/presentation.json"

step "14. Provider: report completions to ACCME PARS (the revoked certificate is left out; one row is rejected)" 1 \
  "$cmevc" export pars --issuer "$out/issuer" --since 2026-01-01 --until 2026-12-31 --out "$out/pars.tsv"

step "15. Provider: the audit log's hash chain is intact (the export is an event in it)" 0 \
  "$cmevc" audit verify --issuer "$out/issuer"

mkdir -p "$out/department" && cp "$out/presentation.json" "$out/department/oneill.json"
printf '{"name": "Dr. James O%sNeill", "renewalDate": "2027-11-30", "facts": {"specialty": "family-medicine"}}\n' "'" \
  > "$out/department/oneill.facts.json"
step "16. Hospital: department compliance report against the California rules (the revoked certificate is not counted)" 1 \
  "$cmevc" report --rules "$ex/rules/california.json" --registry "$ex/registry.json" --registry-key "$operator" \
  --status-dir "$out/status" --as-of 2026-12-31 --out "$out/report.html" "$out/department"

echo
if [ "$failures" -eq 0 ]; then echo "demo finished: every step behaved as expected (files in demo-out/)"
else echo "demo finished with $failures unexpected exit status(es)"; exit 1; fi
