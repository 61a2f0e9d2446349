#!/usr/bin/env bash
# Renders every document template for every procurement procedure (and the contract set for each way 甲 signs) from
# the templates' sample data, converts each to PDF with LibreOffice (as the app's PdfConverter does), to page images
# (pdftoppm -r 60) and to layout text (pdftotext -layout), for a reader to look at page by page.
#   scripts/render-all.sh [template-id ...]      (default: all templates; the contract set always)
# Output: artifacts/review/<procedure>/<template>.{docx,pdf,txt} and <template>/page-N.png,
#         artifacts/review/contract-set/<signing>/… (契約書, SLA, 特記事項 and 契約書一式 per contract).
# Conversions run one after another: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=artifacts/review
[ -n "${NO_BUILD:-}" ] || dotnet build src/Procurement.Cli -c Release -nologo -v q -clp:ErrorsOnly -m:1 >/dev/null
cli=(dotnet src/Procurement.Cli/bin/Release/net10.0/procurement.dll)
procedures=(public_proposal comprehensive_tender)
templates=("$@")
if [ ${#templates[@]} -eq 0 ]; then
  for d in document-templates/*/template.json; do templates+=("$(basename "$(dirname "$d")")"); done
fi

images() { # <pdf>: page images in <pdf without .pdf>/page-N.png, layout text beside the pdf
  local dir="${1%.pdf}"
  rm -rf "$dir"; mkdir -p "$dir"
  pdftoppm -r 60 -png "$1" "$dir/page"
  pdftotext -layout "$1" "$dir.txt"
}

for p in "${procedures[@]}"; do
  mkdir -p "$out/$p"
  for t in "${templates[@]}"; do
    data="$out/$p/$t.json"
    python3 - "document-templates/$t/sample.json" "$p" > "$data" <<'PY'
import json, sys
# As the app renders: the title is the template's for the procedure, and the text the app writes into the data
# (price formula, reasons, notes) uses the procedure's words; the samples carry 公募型プロポーザル's.
text = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[2] == "comprehensive_tender":
    for proposal, tender in [("優先交渉権者", "落札者"), ("評価基準", "落札者決定基準"), ("提案上限額", "予定価格"),
                             ("価格提案書", "入札書"), ("提案価格", "入札価格"), ("提案者", "入札参加者")]:
        text = text.replace(proposal, tender)
d = json.loads(text)
d["procedure"] = {"id": sys.argv[2]}
d.setdefault("document", {})["title"] = ""
print(json.dumps(d, ensure_ascii=False, indent=1))
PY
    if "${cli[@]}" render --template "$t" --data "$data" --out "$out/$p/$t.docx" --pdf >/dev/null; then
      images "$out/$p/$t.pdf" "$out/$p/$t"
      echo "$p/$t: $(ls "$out/$p/$t" | wc -l) pages"
    else
      echo "$p/$t: FAILED" >&2
    fi
  done
done

# The contract set: 甲 = the group (一部事務組合 / 広域連合), 甲 = the representative (協議会), each member signs.
for s in group representative each_member; do
  mkdir -p "$out/contract-set/$s"
  "${cli[@]}" render-contract --data document-templates/contract/sample.json --signing "$s" --out "$out/contract-set/$s" --pdf >/dev/null
  for f in "$out/contract-set/$s"/*.pdf; do
    images "$f"
    echo "contract-set/$s/$(basename "$f"): $(ls "${f%.pdf}" | wc -l) pages"
  done
done
