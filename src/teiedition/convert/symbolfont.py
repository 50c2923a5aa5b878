"""The characters of the Symbol font (Adobe's Symbol encoding: Symbol.afm's glyph names
read with the Adobe Glyph List), by the byte a Word document writes for them: "a" in the
Symbol font is an alpha. (Kept here as data: pypdf has the same table, in a private
module.)"""

from __future__ import annotations

#: The character each of the 256 codes of the Symbol font shows (a code the font leaves
#: empty is its own Latin-1 character).
SYMBOL = (
    '\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f'
    '\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f'
    ' !\u2200#\u2203%&\u220b()\u2217+,\u2212./'
    '0123456789:;<=>?'
    '\u2245\u0391\u0392\u03a7\u2206\u0395\u03a6\u0393\u0397\u0399\u03d1\u039a\u039b\u039c\u039d\u039f'
    '\u03a0\u0398\u03a1\u03a3\u03a4\u03a5\u03c2\u2126\u039e\u03a8\u0396[\u2234]\u22a5_'
    '\uf8e5\u03b1\u03b2\u03c7\u03b4\u03b5\u03c6\u03b3\u03b7\u03b9\u03d5\u03ba\u03bb\u03bc\u03bd\u03bf'
    '\u03c0\u03b8\u03c1\u03c3\u03c4\u03c5\u03d6\u03c9\u03be\u03c8\u03b6{|}\u223c\x7f'
    '\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f'
    '\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f'
    '\u20ac\u03d2\u2032\u2264\u2044\u221e\u0192\u2663\u2666\u2665\u2660\u2194\u2190\u2191\u2192\u2193'
    '\xb0\xb1\u2033\u2265\xd7\u221d\u2202\u2022\xf7\u2260\u2261\u2248\u2026\uf8e6\uf8e7\u21b5'
    '\u2135\u2111\u211c\u2118\u2297\u2295\u2205\u2229\u222a\u2283\u2287\u2284\u2282\u2286\u2208\u2209'
    '\u2220\u2207\uf6da\uf6d9\uf6db\u220f\u221a\u22c5\xac\u2227\u2228\u21d4\u21d0\u21d1\u21d2\u21d3'
    '\u25ca\u2329\uf8e8\uf8e9\uf8ea\u2211\uf8eb\uf8ec\uf8ed\uf8ee\uf8ef\uf8f0\uf8f1\uf8f2\uf8f3\uf8f4'
    '\xf0\u232a\u222b\u2320\uf8f5\u2321\uf8f6\uf8f7\uf8f8\uf8f9\uf8fa\uf8fb\uf8fc\uf8fd\uf8fe\xff'
)
