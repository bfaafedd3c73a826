#include "SearchText.h"

#include <algorithm>

namespace SearchText {
namespace {
bool isApostrophe(QChar c) {
    return c == u'\'' || c == u'\u2019' || c == u'\u02BC' || c == u'`' || c == u'\u2018';
}

// Letters that Unicode does not decompose into a base letter plus an accent.
QStringView specialFold(QChar c) {
    switch (c.unicode()) {
        case 0x0111:
        case 0x0110:
            return u"d";  // đ Đ
        case 0x00F8:
        case 0x00D8:
            return u"o";  // ø Ø
        case 0x0142:
        case 0x0141:
            return u"l";  // ł Ł
        case 0x00DF:
            return u"ss";  // ß
        case 0x00E6:
        case 0x00C6:
            return u"ae";  // æ Æ
        case 0x0153:
        case 0x0152:
            return u"oe";  // œ Œ
        case 0x0131:
            return u"i";  // dotless ı
        default:
            return {};
    }
}

bool isAsciiOnly(QStringView text) {
    for (QChar c : text)
        if (c.unicode() >= 128)
            return false;
    return true;
}
}  // namespace

QString fold(QStringView text) {
    // Decomposing is the slow part; most docket names are plain ASCII and skip it.
    const bool ascii = isAsciiOnly(text);
    const QString decomposed =
        ascii ? text.toString() : text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (QStringView s = specialFold(c); !s.isEmpty())
            out.append(s);
        else if (c.isLetterOrNumber())
            out.append(c.toLower());
        else if (!isApostrophe(c))
            out.append(u' ');
    }
    // Recompose what remains (Hangul jamo back into syllables), squeeze spaces.
    return ascii ? out.simplified() : out.normalized(QString::NormalizationForm_C).simplified();
}

QStringList words(QStringView text) {
    return fold(text).split(u' ', Qt::SkipEmptyParts);
}

QStringList prefixTerms(QStringView text) {
    // Every word is a prefix all required, so one that begins another word adds nothing ("a"
    // beside "anna", a word typed twice): 20,000 copies of "a " took the sqlite3 CLI 43 s and
    // 577 MB. The longest words say the most; no name has more than kMaxTerms.
    QStringList all = words(text);
    std::stable_sort(all.begin(), all.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList kept;
    for (const QString &w : std::as_const(all)) {
        const bool implied = std::any_of(kept.cbegin(), kept.cend(),
                                         [&w](const QString &k) { return k.startsWith(w); });
        if (!implied)
            kept << w;
        if (kept.size() == kMaxTerms)
            break;
    }
    return kept;
}

QString ftsPrefixQuery(QStringView text) {
    QStringList terms;
    for (const QString &w : prefixTerms(text))
        terms << u'"' + w + QStringLiteral("\"*");
    return terms.join(u' ');
}
}  // namespace SearchText
