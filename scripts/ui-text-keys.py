#!/usr/bin/env python3
"""Lists the Japanese UI text keys used in src/ that have no English entry in Resources/en.json."""
import json, os, re, sys
root = os.path.join(os.path.dirname(__file__), '..', 'src', 'Procurement.Web')
pattern = re.compile(r'\b[Tt](?:\.Format\()?\[?\(?"((?:[^"\\]|\\.)*)"')
keys = set()
for dirpath, _, files in os.walk(root):
    if '/bin' in dirpath or '/obj' in dirpath: continue
    for f in files:
        if f.endswith(('.cs', '.cshtml')):
            text = open(os.path.join(dirpath, f), encoding='utf-8').read()
            for m in re.finditer(r'\b[Tt]\["((?:[^"\\]|\\.)*)"\]|\b[Tt]\.Format\("((?:[^"\\]|\\.)*)"|(?:DomainRuleException|WithMessage)\(\s*"((?:[^"\\]|\\.)*)"\s*\)|\b(?:Decision\.Refuse|Reason\.Of)\(\s*"((?:[^"\\]|\\.)*)"', text):
                k = m.group(1) or m.group(2) or m.group(3) or m.group(4)
                if re.search(r'[\u3040-\u30ff\u4e00-\u9fff]', k): keys.add(k)
en = json.load(open(os.path.join(root, 'Resources', 'en.json'), encoding='utf-8'))
missing = sorted(k for k in keys if k not in en)
for k in missing: print(k)
sys.exit(1 if missing and '--check' in sys.argv else 0)
