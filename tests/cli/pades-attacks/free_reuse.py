#!/usr/bin/env python3
"""Free-then-reuse with a new generation: update 1 frees page 1's content (13) as
"13 00001 f", update 2 writes "13 1 obj" (reachable from the DSS). qpdf keeps the signed
(13,0) -- the free entry names (13,1), which the newer update already defines -- so the
verifier sees page 1 unchanged; poppler sees generation 1 where the page asks for 13 0 R,
rebuilds the table and finds no "13 0" after it: page 1 renders blank.
usage: free_reuse.py IN OUT"""
import sys
from lib2 import *
src, dst = sys.argv[1], sys.argv[2]
data = open(src, "rb").read()
tr = last_trailer(data)
d1 = data + b"xref\n13 1\n0000000000 00001 f \ntrailer\n<</Size %d /Root %s /Info %s /ID %s /Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
    tr[b"Size"], tr[b"Root"], tr[b"Info"], tr[b"ID"], tr[b"startxref"], len(data))
size = tr[b"Size"]
dss_num = int(show(src, 6).split(b"/DSS ")[1].split()[0])
dss = show(src, dss_num)[:-2] + b" /VRI << /A << /Cert [13 1 R] >> >> >>"
d2 = append(d1, {(13, 1): stream(b"BT /F11 12 Tf ET"), (dss_num, 0): dss})
open(dst, "wb").write(d2)
if os.environ.get('REPORT'):
    report(dst)
