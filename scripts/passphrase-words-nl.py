# Makes crates/model/src/passphrase_words/nl.txt (docs/security.md, "Exports and transfers in plain words").
# Usage: python3 scripts/passphrase-words-nl.py <wordfreq>/data/large_nl.msgpack.gz /usr/share/dict/dutch > crates/model/src/passphrase_words/nl.txt
# (wordfreq 3.1.1 from PyPI, msgpack from PyPI, wdutch from Debian; large_en.msgpack.gz must sit beside large_nl.)
import gzip, msgpack, re, sys
d = msgpack.unpackb(gzip.open(sys.argv[1]).read(), raw=False)
ranked = [w for bucket in d[1:] for w in bucket]
nl_rank = {}
for i, bucket in enumerate(d):
    for w in bucket if i else []:
        nl_rank.setdefault(w, i)
e = msgpack.unpackb(gzip.open(sys.argv[1].replace('_nl', '_en')).read(), raw=False)
en_rank = {}
for i, bucket in enumerate(e):
    for w in bucket if i else []:
        en_rank.setdefault(w, i)
opentaal = set(l.strip() for l in open(sys.argv[2], encoding='utf-8'))
block_stems = ['kanker','tering','tyfus','hoer','kut','lul','neuk','slet','nazi','neger','mongool','debiel','klootzak','sukkel','moord','dood','lijk','seks','sex','porn','naakt','drugs','coke','hitler','jood','joden','homo','flikker','mof','bitch','fuck','shit','kill','zelfmoord','verkracht','terror','bom','geweer','pistool','wapen','oorlog','kapot','idioot','stom','dom','lelijk','vet','dik','zak','kak','poep','pis','zeik','tiet','kont','reet','pik','penis','vagina','sperma','condoom','aids','hiv','virus','ziek','dement','gestoord','gek','mongo','spast','taliban','lynch','ss','pedo','misbruik','kogel','gijzel','schiet','vermoord','bloed','graf']
def blocked(w):
    for s in block_stems:
        if s in w:
            return True
    return False
seen=set(); out=[]
for w in ranked:
    if w in seen: continue
    if not re.fullmatch(r'[a-z]{4,8}', w): continue
    if w not in opentaal: continue
    if blocked(w): continue
    # A word more common in English than in Dutch (border, target) is an English loan: out.
    if en_rank.get(w, 10**6) < nl_rank[w] - 10: continue
    seen.add(w); out.append(w)
    if len(out) == 7776: break
print(len(out), file=sys.stderr)
print('\n'.join(sorted(out)))
