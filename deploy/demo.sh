#!/usr/bin/env bash
# Loads a realistic overdue customer through the API of a running ledger, then closes the
# business days so that what time produces (a broken promise, overdue stages, late fees, held
# orders) is recorded too. Dates are relative to today, so it works on any day; re-running it
# sends the same command ids and records nothing twice.
#   usage: deploy/demo.sh [customer-id=DEMO-1] [base-url=http://127.0.0.1:8080]
set -euo pipefail
C=${1:-DEMO-1}
L=${2:-http://127.0.0.1:8080}
day() { TZ=Asia/Shanghai date -d "$1 days" +%F; }   # business dates in the ledger's zone
# a token for the demo's service and one for reading: signed with the local secret
SERVICE=$("$(dirname "$0")/local/mint-token.sh" demo service)
READER=$("$(dirname "$0")/local/mint-token.sh" demo-reader collector)
n=0
send() { # path json
  n=$((n + 1))
  printf '%-48s ' "$1"
  curl -sS --fail-with-body -H 'Content-Type: application/json' -H "Authorization: Bearer $SERVICE" \
       -H "Idempotency-Key: demo-$C-$n" -H "X-Correlation-Id: demo-$C" "$L$1" -d "$2" \
    | python3 -c 'import json,sys; a=json.load(sys.stdin); print("version", a.get("version"), "position", a.get("position"))'
}
money() { echo "{\"amount\": \"$1\", \"currency\": \"CNY\"}"; }

send /customers "{\"customerId\": \"$C\", \"name\": \"Hengda Building Materials Co., Ltd.\", \"registrationNumber\": \"91310115MA1K4XYZ2B\",
  \"occurredOn\": \"$(day -400)\", \"creditFile\": {\"founded\": \"2009-03-01\", \"registeredCapital\": $(money 5000000.00),
  \"annualTurnover\": $(money 80000000.00), \"debtRatioPercent\": 62.5, \"responsibleForPayment\": \"Zhang Min, CFO\"}}"
send /customers/$C/collector-assignments "{\"occurredOn\": \"$(day -400)\", \"collector\": \"collector-li\", \"tier\": \"B\"}"
send /customers/$C/credit-limits "{\"occurredOn\": \"$(day -400)\", \"limit\": $(money 200000.00), \"reason\": \"opening limit\"}"
send /customers/$C/contracts "{\"contractId\": \"K-2026-001\", \"occurredOn\": \"$(day -200)\",
  \"validity\": [{\"kind\": \"COUNTERPARTY_STAMP\", \"documentRef\": \"K-2026-001-stamped.pdf\"},
                 {\"kind\": \"CORPORATE_EMAIL_ORDER\", \"documentRef\": \"order-from-hengda.com.eml\"}],
  \"paymentTerms\": [{\"termId\": \"ADV\", \"percent\": 30, \"trigger\": \"ADVANCE\", \"days\": 0},
                     {\"termId\": \"ACC\", \"percent\": 60, \"trigger\": \"ON_ACCEPTANCE\", \"days\": 30},
                     {\"termId\": \"WAR\", \"percent\": 10, \"trigger\": \"AFTER_WARRANTY\", \"days\": 365}],
  \"lateFees\": {\"dailyRatePercent\": 0.05, \"capPercentOfPrincipal\": 30, \"debtorBearsCollectionCosts\": true},
  \"disputeClause\": {\"forum\": \"LITIGATION\", \"body\": \"Shanghai Pudong New Area People's Court\"}, \"documentRef\": \"K-2026-001.pdf\"}"
for d in D1:-150 D2:-100; do
  send /customers/$C/deliveries "{\"deliveryId\": \"${d%%:*}\", \"occurredOn\": \"$(day ${d#*:})\", \"details\": {\"kind\": \"GOODS\",
    \"contractId\": \"K-2026-001\", \"description\": \"40 t cement, grade 42.5\",
    \"signedReceipt\": {\"signedBy\": \"Wang Wei, warehouse keeper\", \"signedOn\": \"$(day ${d#*:})\", \"documentRef\": \"DN-${d%%:*}.pdf\"}}}"
done
send /customers/$C/deliveries "{\"deliveryId\": \"D3\", \"occurredOn\": \"$(day -70)\", \"details\": {\"kind\": \"GOODS\",
  \"contractId\": \"K-2026-001\", \"description\": \"20 t cement, grade 42.5\",
  \"missingReceiptReason\": \"the driver did not bring the signed receipt back\"}}"
send /customers/$C/invoices "{\"invoiceId\": \"INV-001\", \"contractId\": \"K-2026-001\", \"occurredOn\": \"$(day -120)\",
  \"amount\": $(money 100000.00), \"deliveryIds\": [\"D1\", \"D2\"], \"documentRef\": \"fapiao-001.pdf\"}"
send /customers/$C/invoices "{\"invoiceId\": \"INV-002\", \"contractId\": \"K-2026-001\", \"occurredOn\": \"$(day -65)\",
  \"amount\": $(money 50000.00), \"deliveryIds\": [\"D3\"], \"documentRef\": \"fapiao-002.pdf\"}"
send /customers/$C/payments "{\"paymentId\": \"P-001\", \"occurredOn\": \"$(day -80)\", \"amount\": $(money 45000.00),
  \"method\": \"BANK_TRANSFER\", \"reference\": \"ICBC 2026-0815-001\"}"
send /customers/$C/contact-attempts "{\"contactId\": \"CT-001\", \"occurredOn\": \"$(day -40)\", \"collector\": \"collector-li\",
  \"channel\": \"PHONE\", \"partyReached\": \"Zhang Min, CFO\", \"outcome\": \"PROMISE_OBTAINED\", \"excuse\": \"OWN_CUSTOMER_HAS_NOT_PAID\",
  \"recordingRef\": \"call-$(day -40)-001\"}"
send /customers/$C/payment-promises "{\"promiseId\": \"PR-001\", \"occurredOn\": \"$(day -40)\", \"amount\": $(money 20000.00),
  \"promisedDate\": \"$(day -30)\", \"form\": \"WRITTEN\", \"collector\": \"collector-li\", \"documentRef\": \"commitment-PR-001.pdf\"}"
send /customers/$C/dunning-letters "{\"letterId\": \"L-001\", \"occurredOn\": \"$(day -25)\", \"level\": 2, \"invoiceIds\": [\"INV-001\", \"INV-002\"],
  \"amountDemanded\": $(money 90000.00), \"lateFeesDemanded\": $(money 0.00), \"deadline\": \"$(day -15)\", \"rightsReserved\": true,
  \"courier\": \"EMS\", \"waybill\": \"EA204512345CN\", \"documentRef\": \"dunning-L-001.pdf\"}"
send /customers/$C/dunning-letters/L-001/delivery "{\"occurredOn\": \"$(day -22)\", \"receivedBy\": \"reception, signed\", \"proofRef\": \"EMS-EA204512345CN-proof.pdf\"}"
send /customers/$C/guarantees "{\"guaranteeId\": \"G-001\", \"occurredOn\": \"$(day -20)\", \"kind\": \"PERSONAL_GUARANTEE\",
  \"guarantor\": \"Zhang Wei, actual controller\", \"amountCovered\": $(money 105000.00), \"documentRef\": \"guarantee-G-001.pdf\"}"
send /customers/$C/asset-leads "{\"leadId\": \"AL-001\", \"occurredOn\": \"$(day -20)\", \"kind\": \"BANK_ACCOUNT\",
  \"description\": \"basic account at ICBC Pudong branch\", \"source\": \"remittance of P-001\"}"
send /customers/$C/supply-suspensions "{\"occurredOn\": \"$(day -20)\", \"reason\": \"promise PR-001 broken, 90,000 overdue\"}"
send /customers/$C/legal-cases "{\"caseId\": \"CASE-001\", \"occurredOn\": \"$(day -10)\", \"forum\": \"LITIGATION\",
  \"body\": \"Shanghai Pudong New Area People's Court\", \"invoiceIds\": [\"INV-001\", \"INV-002\"], \"claimAmount\": $(money 95000.00),
  \"preservationRequested\": true, \"documentRef\": \"complaint-CASE-001.pdf\"}"
send /customers/$C/legal-cases/CASE-001/steps "{\"stepId\": \"STEP-001\", \"occurredOn\": \"$(day -5)\", \"step\": \"PRESERVATION_ORDERED\",
  \"description\": \"ICBC account frozen up to 95,000\", \"documentRef\": \"preservation-ruling.pdf\"}"

printf '%-48s ' "/admin/close-of-day"
# its Ledger-Position is the journal's head after the run, so it includes every write above
closed=$(curl -sS --fail-with-body -X POST -H "Authorization: Bearer $SERVICE" -w '\n%header{ledger-position}' "$L/admin/close-of-day")
echo "${closed%$'\n'*}"
written=${closed##*$'\n'}
echo
echo "statement of $C, once it includes the demo's writes (Ledger-Min-Position: $written):"
curl -sS --fail-with-body -H "Authorization: Bearer $READER" -H "Ledger-Min-Position: $written" "$L/customers/$C/statement"; echo
