#pragma once

#include <QString>
#include <QStringView>

// An alien registration number as EOIR uses it: "A" and nine digits.
// Input is accepted with or without the "A", with spaces or dashes; eight digits
// get a leading zero. Anything else is rejected with a reason a person can act on.
class ANumber {
  public:
    ANumber() = default;

    // Returns an invalid ANumber and sets *error (if given) when input is not an A-number.
    static ANumber parse(QStringView input, QString *error = nullptr);
    // Full-width digits, letters and spaces (as an East Asian input method types them) as
    // their ASCII forms, and every dash a keyboard or input method types as '-'; everything
    // else unchanged.
    static QString foldTyped(QStringView text);
    // Builds from nine stored digits; invalid if they are not exactly nine digits.
    static ANumber fromDigits(const QString &nineDigits);

    bool isValid() const { return m_digits.size() == 9; }
    const QString &digits() const { return m_digits; }  // "012345678"
    QString display() const;                            // "A012-345-678"

    // Formats nine stored digits for display; returns the input unchanged otherwise.
    static QString displayDigits(const QString &nineDigits);

    friend bool operator==(const ANumber &, const ANumber &) = default;

  private:
    explicit ANumber(QString digits) : m_digits(std::move(digits)) {}
    QString m_digits;
};
