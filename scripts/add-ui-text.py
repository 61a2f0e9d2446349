#!/usr/bin/env python3
"""Merges English UI texts (a JSON object on standard input) into src/Procurement.Web/Resources/en.json."""
import json, os, sys
path = os.path.join(os.path.dirname(__file__), '..', 'src', 'Procurement.Web', 'Resources', 'en.json')
en = json.load(open(path, encoding='utf-8'))
en.update(json.load(sys.stdin))
json.dump(en, open(path, 'w', encoding='utf-8'), ensure_ascii=False, indent=1, sort_keys=True)
print(f"{len(en)} entries")
