#include "DocketGenerator.h"

#include "domain/CaseFields.h"
#include "files/CsvReader.h"
#include "store/BulkLoad.h"

#include <QJsonObject>
#include "store/CaseStore.h"

#include <QFile>

namespace {
const QStringList kCounsel = {"Ana Beltrán, Esq.",
                              "Legal Aid Society",
                              "Michael Chen, Esq.",
                              "Catholic Charities Legal Services",
                              "Priya Raman, Esq.",
                              "Rosa Delgado, Esq.",
                              "Immigrant Defenders Law Center",
                              "David O'Connor, Esq.",
                              "Kids in Need of Defense",
                              "Samuel Okafor, Esq.",
                              "Elena Vasquez, Esq.",
                              "CLINIC Network"};
const QStringList kBarStates = {"CA", "NY", "TX", "FL", "IL", "NJ", "AZ", "WA", "GA", "MA"};
const QStringList kBorderPlaces = {
    "near Rio Grande City, TX", "near Eagle Pass, TX", "near El Paso, TX", "near Yuma, AZ",
    "near Lukeville, AZ",       "near San Ysidro, CA", "near Del Rio, TX", "near Laredo, TX"};
const QStringList kInteriorPlaces = {"Houston, TX", "Chicago, IL",     "Atlanta, GA",
                                     "Newark, NJ",  "Los Angeles, CA", "Charlotte, NC",
                                     "Denver, CO"};

struct Offense {
    const char *name;
    bool weapon;
};
const QList<Offense> kOffenses = {{"Driving without a valid license", false},
                                  {"Driving under the influence", false},
                                  {"Petty theft", false},
                                  {"Shoplifting", false},
                                  {"Possession of a controlled substance", false},
                                  {"Illegal reentry (8 U.S.C. 1326)", false},
                                  {"Domestic battery", false},
                                  {"Burglary of a dwelling", false},
                                  {"Assault with a deadly weapon", true},
                                  {"Robbery", true},
                                  {"Trafficking in methamphetamine", false},
                                  {"Unlawful possession of a firearm", true},
                                  {"Fraud (identity documents)", false}};
}  // namespace

DocketGenerator::DocketGenerator(quint32 seed, QStringList courtCodes, QDate today)
    : m_random(seed),
      m_courts(std::move(courtCodes)),
      m_today(today),
      m_offset(seed % 800000000ULL) {
    loadNationalities();
}

void DocketGenerator::loadNationalities() {
    QFile file(QStringLiteral(":/data/nationalities.csv"));
    file.open(QIODevice::ReadOnly);
    CsvReader reader(&file);
    CsvRecord r;
    reader.next(r);  // header
    while (reader.next(r)) {
        const int weight = r.fields.value(1).toInt();
        m_nationalities.append({QString::fromUtf8(r.fields.value(0)),
                                QString::fromUtf8(r.fields.value(3)),
                                QString::fromUtf8(r.fields.value(2)), weight});
        m_totalWeight += weight;
    }
}

QStringList DocketGenerator::names(const QString &region, const char *part) {
    const QString key = region + u'-' + QLatin1String(part);
    auto it = m_names.find(key);
    if (it == m_names.end()) {
        QFile file(QStringLiteral(":/names/%1.txt").arg(key));
        file.open(QIODevice::ReadOnly);
        it =
            m_names.insert(key, QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts));
    }
    return *it;
}

const DocketGenerator::Nationality &DocketGenerator::pickNationality() {
    int ticket = int(m_random.bounded(m_totalWeight));
    for (const Nationality &n : m_nationalities) {
        if (ticket < n.weight)
            return n;
        ticket -= n.weight;
    }
    return m_nationalities.front();
}

QString DocketGenerator::pick(const QStringList &list) {
    return list.isEmpty() ? QString() : list[int(m_random.bounded(int(list.size())))];
}

QDate DocketGenerator::between(const QDate &from, const QDate &to) {
    const qint64 span = from.daysTo(to);
    return span <= 0 ? from : from.addDays(qint64(m_random.bounded(quint64(span) + 1)));
}

Case DocketGenerator::next() {
    Case c;
    // A multiplier coprime with the modulus walks every nine-digit value once: unique A-numbers.
    const quint64 n = (m_offset + (m_sequence++) * 7919ULL) % 800000000ULL + 100000000ULL;
    c.aNumber = QString::number(n).rightJustified(9, u'0');
    const Nationality &nat = pickNationality();
    c.nationality = nat.name;
    c.language = nat.language;
    c.familyName = pick(names(nat.region, "family"));
    c.givenNames = pick(names(nat.region, "given"));
    c.dateOfBirth = between(m_today.addYears(-75), m_today.addYears(-3));
    if (chance(0.8))  // most respondents are working-age adults
        c.dateOfBirth = between(m_today.addYears(-50), m_today.addYears(-19));
    fillEntry(c);
    fillCourt(c);
    fillCounsel(c);
    fillCharges(c);
    fillFamily(c);
    fillRelief(c);
    fillNotes(c);
    // Most empty lists were checked (on the NTA date); the rest stay "not checked". Taken
    // from the sequence, not the random stream, so every other field stays as it was.
    if (c.charges.isEmpty() && n % 4 != 0)
        c.noCriminalHistoryCheckedOn = c.ntaDate;
    if (c.family.isEmpty() && n % 3 != 0)
        c.noUsFamilyCheckedOn = c.ntaDate;
    return c;
}

void DocketGenerator::fillEntry(Case &c) {
    const QDate adult = c.dateOfBirth.addYears(1);
    const QDate from = qMax(adult, QDate(1990, 1, 1));
    // About four in ten of the backlog entered after the 2020-11-01 border-security date.
    c.entryDate = chance(0.4) ? between(qMax(from, QDate(2020, 11, 2)), m_today.addDays(-60))
                              : between(from, m_today.addDays(-60));
    c.firstPresenceDate = chance(0.1) ? between(from, c.entryDate) : c.entryDate;
    const double roll = m_random.generateDouble();
    c.entryManner = roll < 0.55   ? QStringLiteral("ewi")
                    : roll < 0.75 ? QStringLiteral("port_of_entry")
                    : roll < 0.9  ? QStringLiteral("admitted")
                                  : QStringLiteral("parole");
    if (c.entryManner == u"ewi" || c.entryManner == u"port_of_entry") {
        c.apprehensionDate = qMin(c.entryDate.addDays(m_random.bounded(3)), m_today);
        c.apprehensionPlace = pick(kBorderPlaces);
    } else if (chance(0.3)) {
        c.apprehensionDate = between(c.entryDate, m_today.addDays(-30));
        c.apprehensionPlace = pick(kInteriorPlaces);
    }
}

void DocketGenerator::fillCourt(Case &c) {
    c.court = pick(m_courts);
    const double type = m_random.generateDouble();
    c.caseType = type < 0.9    ? QStringLiteral("RMV")
                 : type < 0.95 ? QStringLiteral("AOC")
                 : type < 0.97 ? QStringLiteral("WHO")
                 : type < 0.99 ? QStringLiteral("DEP")
                               : QStringLiteral("EXC");
    const double custody = m_random.generateDouble();
    c.custody = custody < 0.08  ? QStringLiteral("D")
                : custody < 0.4 ? QStringLiteral("R")
                                : QStringLiteral("N");
    const QDate ntaFrom = c.apprehensionDate.isValid() ? c.apprehensionDate : c.entryDate;
    c.ntaDate = between(ntaFrom, qMin(ntaFrom.addYears(2), m_today.addDays(-20)));
    c.ntaDate = qMin(qMax(c.ntaDate, ntaFrom), m_today);
    if (chance(0.92)) {
        c.nextHearingDate = between(qMax(c.ntaDate, m_today.addDays(1)), m_today.addYears(3));
        c.nextHearingType = chance(0.8) ? QStringLiteral("master") : QStringLiteral("individual");
    }
}

void DocketGenerator::fillCounsel(Case &c) {
    if (!chance(0.55))
        return;
    c.counselName = pick(kCounsel);
    c.counselBarNumber =
        pick(kBarStates) + u' ' + QString::number(100000 + m_random.bounded(900000));
    c.eoir28Date = between(c.ntaDate, m_today);
}

void DocketGenerator::fillCharges(Case &c) {
    const QDate earliest = qMax(c.entryDate, c.dateOfBirth.addYears(16));
    if (earliest >= m_today || !chance(0.15))
        return;
    const int count = 1 + int(m_random.bounded(3));
    for (int i = 0; i < count; ++i) {
        const Offense &o = kOffenses[int(m_random.bounded(int(kOffenses.size())))];
        Charge ch;
        ch.offense = QLatin1String(o.name);
        ch.date = between(earliest, m_today);
        ch.jurisdiction = pick(kInteriorPlaces);
        const double d = m_random.generateDouble();
        ch.disposition = d < 0.55   ? QStringLiteral("convicted")
                         : d < 0.7  ? QStringLiteral("dismissed")
                         : d < 0.8  ? QStringLiteral("pending")
                         : d < 0.88 ? QStringLiteral("acquitted")
                         : d < 0.95 ? QStringLiteral("vacated")
                                    : QStringLiteral("expunged");
        if (ch.disposition == u"convicted")
            ch.sentence = o.weapon ? QStringLiteral("%1 months").arg(12 + m_random.bounded(60))
                                   : QStringLiteral("%1 days").arg(1 + m_random.bounded(180));
        ch.weaponInvolved = o.weapon && chance(0.8);
        c.charges.append(ch);
    }
}

void DocketGenerator::fillFamily(Case &c) {
    if (!chance(0.55))
        return;
    const int count = 1 + int(m_random.bounded(4));
    const QStringList given = names(QStringLiteral("hispanic"), "given");
    for (int i = 0; i < count; ++i) {
        FamilyMember f;
        f.relation = i == 0 && chance(0.6) ? QStringLiteral("spouse") : QStringLiteral("child");
        f.name = pick(given) + u' ' + c.familyName;
        const double s = m_random.generateDouble();
        f.status = f.relation == u"child"
                       ? (s < 0.7 ? QStringLiteral("USC") : QStringLiteral("other"))
                       : (s < 0.3   ? QStringLiteral("USC")
                          : s < 0.5 ? QStringLiteral("LPR")
                                    : QStringLiteral("other"));
        if (i == 0)
            f.dependency = chance(0.5) ? QStringLiteral("provider") : QStringLiteral("caregiver");
        c.family.append(f);
    }
}

void DocketGenerator::fillRelief(Case &c) {
    if (chance(0.45))
        c.relief.append(
            {QStringLiteral("asylum"), QStringLiteral("court"), between(c.ntaDate, m_today)});
    if (chance(0.06) && c.firstPresenceDate.isValid() && c.firstPresenceDate.daysTo(m_today) > 3650)
        c.relief.append(
            {QStringLiteral("42b"), QStringLiteral("court"), between(c.ntaDate, m_today)});
    if (chance(0.05))
        c.relief.append({pick({QStringLiteral("tps"), QStringLiteral("u_visa"),
                               QStringLiteral("sij"), QStringLiteral("245")}),
                         QStringLiteral("uscis"), between(c.entryDate, m_today)});
}

void DocketGenerator::fillNotes(Case &c) {
    if (chance(0.01))
        c.militaryService = QStringLiteral("US Army, honourably discharged (sibling)");
    if (chance(0.05))
        c.healthNotes = QStringLiteral("Chronic condition under treatment; records on file");
    if (chance(0.03))
        c.victimWitnessNotes =
            QStringLiteral("Witness in a wage-theft case; U-visa certification requested");
}

bool DocketGenerator::fill(CaseStore &store, qint64 count, quint32 seed, QDate asOf,
                           QString *error) {
    const QSet<QString> courtSet = store.courtCodes();
    QStringList courts(courtSet.begin(), courtSet.end());
    courts.sort();
    DocketGenerator generator(seed, courts, asOf);
    BulkLoad load(store, CaseFields::keys(), true, QStringLiteral("synthetic generator"));
    if (!load.begin(error))
        return false;
    for (qint64 i = 0; i < count; ++i) {
        Case c = generator.next();
        if (!load.write(c, {}, error))
            return false;
    }
    const QJsonObject summary{{QStringLiteral("generated"), count},
                              {QStringLiteral("seed"), qint64(seed)},
                              {QStringLiteral("as_of"), asOf.toString(Qt::ISODate)}};
    return load.finish(QStringLiteral("generate"), summary, error) &&
           store.setSynthetic(true, error);
}
