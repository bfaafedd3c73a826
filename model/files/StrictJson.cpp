#include "StrictJson.h"

#include <QCoreApplication>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace StrictJson {
namespace {
using Json = nlohmann::json;

// Keeps the path to the current value and the keys each open object has named so far.
class DuplicateFinder : public nlohmann::json_sax<Json> {
  public:
    QString found;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool string(string_t &) override { return value(); }
    bool binary(binary_t &) override { return value(); }
    bool start_object(std::size_t) override {
        value();
        m_frames.push_back({true, {}, {}, 0});
        return true;
    }
    bool key(string_t &key) override {
        Frame &frame = m_frames.back();
        if (!frame.keys.insert(key).second) {
            const QString where = path();
            found = QCoreApplication::translate("StrictJson", "the key \"%1\" appears twice%2")
                        .arg(QString::fromStdString(key),
                             where.isEmpty()
                                 ? QString()
                                 : QCoreApplication::translate("StrictJson", " in %1").arg(where));
            return false;  // stops the parse
        }
        frame.current = key;
        return true;
    }
    bool end_object() override {
        m_frames.pop_back();
        return true;
    }
    bool start_array(std::size_t) override {
        value();
        m_frames.push_back({false, {}, {}, -1});
        return true;
    }
    bool end_array() override {
        m_frames.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string &,
                     const nlohmann::detail::exception &) override {
        return false;  // not JSON: the caller's reader names the error
    }

  private:
    struct Frame {
        bool isObject;
        std::set<std::string> keys;
        std::string current;  // the key being read, in an object
        long index;           // the element being read, in an array
    };

    // Called before each value: an array moves to its next element.
    bool value() {
        if (!m_frames.empty() && !m_frames.back().isObject)
            ++m_frames.back().index;
        return true;
    }

    // "answers[3]" for the object being read; the innermost frame is that object itself.
    QString path() const {
        QString out;
        for (std::size_t i = 0; i + 1 < m_frames.size(); ++i) {
            const Frame &f = m_frames[i];
            if (f.isObject)
                out += (out.isEmpty() ? QString() : QStringLiteral(".")) +
                       QString::fromStdString(f.current);
            else
                out += QStringLiteral("[%1]").arg(f.index + 1);
        }
        return out;
    }

    std::vector<Frame> m_frames;
};
}  // namespace

QString duplicateKey(const QByteArray &json) {
    DuplicateFinder finder;
    Json::sax_parse(json.constBegin(), json.constEnd(), &finder,
                    nlohmann::detail::input_format_t::json, false);
    return finder.found;
}
}  // namespace StrictJson
