#!/usr/bin/env python3
"""i18n-add: add or replace translation keys in assets/i18n/{en,cs}.json.

Usage: scripts/i18n-add.py KEY "English text" "Český text" [KEY EN CS ...]
   or: scripts/i18n-add.py --file fragment.json   ({"key": ["en", "cs"], ...})

Takes an exclusive lock, so several sessions can add keys at once; writes the
files sorted, two-space indented, like the rest of the project.
"""
import fcntl, json, os, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "i18n")
args = sys.argv[1:]
pairs = {}
if args[:1] == ["--file"]:
    pairs = json.load(open(args[1], encoding="utf-8"))
else:
    if len(args) % 3:
        sys.exit("give KEY EN CS triples")
    for i in range(0, len(args), 3):
        pairs[args[i]] = [args[i + 1], args[i + 2]]
with open(os.path.join(root, ".lock"), "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    for idx, lang in enumerate(["en", "cs"]):
        p = os.path.join(root, lang + ".json")
        d = json.load(open(p, encoding="utf-8"))
        for k, v in pairs.items():
            d[k] = v[idx]
        tmp = p + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=2, sort_keys=True)
            f.write("\n")
        os.replace(tmp, p)
print("added", len(pairs), "keys")
