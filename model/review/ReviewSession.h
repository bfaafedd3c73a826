#pragma once

#include "Review.h"
#include "ReviewChecker.h"

#include <QObject>

class CaseStore;

// The one review object that every page of the review wizard shares. It holds the case,
// the policy pack and the review being written, keeps the derived facts and rule
// outcomes current as answers change, and saves drafts as the attorney goes. It resumes
// the latest saved review of the case when there is one. No widgets: tests drive it too.
class ReviewSession : public QObject {
    Q_OBJECT
  public:
    ReviewSession(CaseStore &store, qint64 caseId, QList<PolicyPack> packs, QDate reviewDate,
                  QString reviewer, QObject *parent = nullptr);

    bool isValid() const { return m_case.id != 0 && !m_packs.isEmpty(); }
    const Case &caseRecord() const { return m_case; }
    const PolicyPack &pack() const { return m_pack; }
    const QList<PolicyPack> &packs() const { return m_packs; }
    const Review &review() const { return m_review; }
    bool resumed() const { return m_resumed; }
    // Empty when the pack was in force on the review date and the resumed review's own
    // pack text was found as kept; otherwise the warning to show.
    QString policyWarning() const;

    void choosePack(const QString &id);
    void reloadCase();  // after the case editor saved changes
    void setAnswer(const QString &itemId, const QString &value, const QString &note);
    void setDisposition(const QString &id);
    void setReasons(const QString &text);
    void setDeviationReason(const QString &text);
    // The wizard showed the policy's other considerations and never-factors: the record
    // says so. Not for a review already ready or signed (looking must not change it).
    void noteConsiderationsShown();

    QList<ReviewIssue> missing() const;  // what stops "ready"
    bool deviates() const;               // chosen disposition is not the usual course
    bool save(const QString &status, QString *error);
    // Something changed since the review was resumed (or begun) or last saved. Looking at a
    // review ready to sign and closing it must leave it ready, not turn it into a draft.
    bool hasUnsavedChanges() const;

  Q_SIGNALS:
    void changed();
    void saved();  // what is on screen is now in the docket

  private:
    void resume();
    void update();

    CaseStore &m_store;
    Case m_case;
    QList<PolicyPack> m_packs;
    PolicyPack m_pack;
    Review m_review;
    bool m_resumed = false;
    QString m_lostPolicy;     // the pack id of a resumed review whose kept text is gone or edited
    QByteArray m_savedBytes;  // the canonical record as last resumed or saved
};
